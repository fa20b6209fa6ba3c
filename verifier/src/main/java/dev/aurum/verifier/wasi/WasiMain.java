package dev.aurum.verifier.wasi;

import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.verifier.CanonicalVerdict;
import java.io.PrintStream;
import java.util.Arrays;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.proofs.protocol.EvmAddress;
import org.teavm.interop.Address;
import org.teavm.interop.Export;
import org.teavm.interop.Import;

/**
 * Entry point of {@code aurum-verifier.wasm} (TeaVM, WASI): reads a signed trace or a proof bundle on
 * stdin, exactly as on disk, and writes its verdict ({@link VerificationRequest}) on stdout. Arguments:
 * optional {@code --now=MS}; for a bundle, the registry's domain {@code --chain-id=N --registry=0x...}
 * (required). Exit code 0 after a verdict (valid or not), 2 for a bad request (unknown
 * argument, input over the bundle limit); the reason goes to stderr. Only the JVM-free I/O lives here;
 * the verdict is the JVM's code.
 */
public final class WasiMain {

    private static final int EXIT_BAD_REQUEST = 2;
    private static final int STDIN = 0;

    private WasiMain() {
    }

    public static void main(String[] args) {
        Long now = null;
        String chainId = null;
        String registry = null;
        for (String arg : args) {
            if (arg.startsWith(CanonicalVerdict.NOW_ARGUMENT)) {
                now = CanonicalVerdict.parseNow(arg.substring(CanonicalVerdict.NOW_ARGUMENT.length()));
                if (now == null) {
                    fail("bad argument: " + arg);
                    return;
                }
            } else if (arg.startsWith(VerificationRequest.CHAIN_ID_ARGUMENT)) {
                chainId = arg.substring(VerificationRequest.CHAIN_ID_ARGUMENT.length());
            } else if (arg.startsWith(VerificationRequest.REGISTRY_ARGUMENT)) {
                registry = arg.substring(VerificationRequest.REGISTRY_ARGUMENT.length());
            } else {
                fail("bad argument: " + arg);
                return;
            }
        }
        Eip712Domain domain = null;
        if (chainId != null || registry != null) {
            domain = chainId == null || registry == null ? null : VerificationRequest.domain(chainId, registry);
            if (domain == null) {
                fail("bad registry domain: give --chain-id=DECIMAL and --registry=0x<40 hex digits>");
                return;
            }
        }
        byte[] input = readStdin(VerificationRequest.MAX_INPUT_BYTES);
        if (input == null) {
            fail("input is larger than the limit of " + VerificationRequest.MAX_INPUT_BYTES + " bytes");
            return;
        }
        if (VerificationRequest.isProofBundle(input) && domain == null) {
            fail("a proof bundle needs the registry's domain: --chain-id=... --registry=0x...");
            return;
        }
        byte[] verdict = VerificationRequest.verdict(input, now, domain);
        PrintStream out = System.out;
        out.write(verdict, 0, verdict.length);
        out.flush();
    }

    /**
     * Start-up work done once at build time, not per verification: the build runs this export and
     * snapshots the memory ({@code Preinitializer}, docs/formats.md), so every instance starts with these
     * classes initialised (the verifier's replay key and BouncyCastle's Ed25519 tables, the CBOR and JSON
     * codecs' tables, the EIP-712 type hashes). It takes no input and calls no host function (the build
     * fails if it does); the verdicts these degenerate requests produce are discarded.
     */
    @Export(name = "aurum_preinit")
    public static void preinitialize() {
        VerificationRequest.verdict(new byte[0], null, null);
        VerificationRequest.verdict(new byte[] {(byte) 0xA5}, null,
                Eip712Domain.golden(1, EvmAddress.fromHex("0x0000000000000000000000000000000000000000")));
        try {
            JsonParser.parse("{}");
        } catch (dev.aurum.aquavm.codec.DecodeException e) {
            throw new IllegalStateException(e);
        }
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
