package dev.aurum.verifier.wasi;

import dev.aurum.proofs.trace.TraceLimits;
import dev.aurum.verifier.CanonicalVerdict;
import java.io.PrintStream;
import java.util.Arrays;
import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * Entry point of {@code aurum-verifier.wasm} (TeaVM, WASI): reads the signed trace bytes on stdin,
 * writes {@link CanonicalVerdict} on stdout. Arguments: optional {@code --now=MS}. Exit code 0 after a
 * verdict (valid or not), 2 for a bad request (unknown argument, input over the trace limit); the
 * reason goes to stderr. Only the JVM-free I/O lives here; the verdict is the JVM's code.
 */
public final class WasiMain {

    private static final int EXIT_BAD_REQUEST = 2;
    private static final int STDIN = 0;

    private WasiMain() {
    }

    public static void main(String[] args) {
        Long now = null;
        for (String arg : args) {
            Long parsed = arg.startsWith(CanonicalVerdict.NOW_ARGUMENT)
                    ? CanonicalVerdict.parseNow(arg.substring(CanonicalVerdict.NOW_ARGUMENT.length())) : null;
            if (parsed == null) {
                fail("bad argument: " + arg);
                return;
            }
            now = parsed;
        }
        byte[] input = readStdin(TraceLimits.MAX_TRACE_BYTES);
        if (input == null) {
            fail("input is larger than the trace limit of " + TraceLimits.MAX_TRACE_BYTES + " bytes");
            return;
        }
        byte[] verdict = CanonicalVerdict.of(input, now);
        PrintStream out = System.out;
        out.write(verdict, 0, verdict.length);
        out.flush();
    }

    private static void fail(String message) {
        System.err.println("aurum-verifier: " + message);
        System.err.flush();
        procExit(EXIT_BAD_REQUEST);
    }

    /** All of stdin, or null if it holds more than {@code limit} bytes. */
    private static byte[] readStdin(int limit) {
        // System.in throws EOFException in TeaVM's WASI class library, so call fd_read directly.
        byte[] buf = new byte[64 * 1024];
        int length = 0;
        int[] iov = new int[2];
        int[] read = new int[1];
        while (true) {
            if (length == buf.length) {
                if (buf.length > limit) {
                    return null;
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) limit + 1));
            }
            iov[0] = Address.ofData(buf).add(length).toInt();
            iov[1] = buf.length - length;
            int errno = fdRead(STDIN, Address.ofData(iov), 1, Address.ofData(read));
            if (errno != 0) {
                fail("cannot read stdin: WASI errno " + errno);
            }
            if (read[0] <= 0) {
                break;
            }
            length += read[0];
        }
        return length > limit ? null : Arrays.copyOf(buf, length);
    }

    // TeaVM's class library has no System.exit; WASI's proc_exit ends the module with a status.
    @Import(module = "wasi_snapshot_preview1", name = "proc_exit")
    private static native void procExit(int status);

    @Import(module = "wasi_snapshot_preview1", name = "fd_read")
    private static native short fdRead(int fd, Address iovs, int iovsLength, Address bytesRead);
}
