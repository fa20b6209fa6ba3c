package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The imports of one avm.wasm instance, chosen so that nothing outside the invoke arguments can reach
 * the module: WASI with zero-filled {@code random_get}, a clock fixed at the epoch, no environment,
 * no arguments, no preopened directories, stdout and stderr captured in a bounded buffer; and
 * {@code __marine_host_api_v3.log_utf8_string} sent to a {@link System.Logger} (never to stdout).
 */
final class DeterministicHost implements Closeable {

    /** Captured stdout+stderr is kept up to this size (a Rust panic message fits easily). */
    static final int MAX_CAPTURED_OUTPUT = 64 * 1024;

    private static final System.Logger AVM_LOG = System.getLogger("dev.aurum.aquavm.reference.avm");

    private final BoundedOutput output = new BoundedOutput(MAX_CAPTURED_OUTPUT);
    private final WasiPreview1 wasi;

    DeterministicHost() {
        WasiOptions options = WasiOptions.builder()
                .withRandom(new ZeroRandom())
                .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .withStdout(output)
                .withStderr(output)
                .build();
        this.wasi = WasiPreview1.builder().withOptions(options).build();
    }

    ImportValues importValues() {
        List<ImportFunction> functions = new ArrayList<>(List.of(wasi.toHostFunctions()));
        functions.add(new HostFunction("__marine_host_api_v3", "log_utf8_string",
                FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of()),
                (instance, args) -> {
                    if (AVM_LOG.isLoggable(System.Logger.Level.DEBUG)) {
                        int length = Math.min((int) args[3], MAX_CAPTURED_OUTPUT);
                        String message = instance.memory().readString((int) args[2], length);
                        AVM_LOG.log(System.Logger.Level.DEBUG, "avm[level " + args[0] + "]: " + message);
                    }
                    return null;
                }));
        return ImportValues.builder().withFunctions(functions).build();
    }

    /** What the module wrote to stdout/stderr so far (e.g. a Rust panic message), UTF-8, truncated. */
    String capturedOutput() {
        return output.text();
    }

    @Override
    public void close() {
        wasi.close();
    }

    /** WASI {@code random_get} source: always zeros, so Rust's HashMap seeds are fixed. */
    private static final class ZeroRandom extends Random {
        private static final long serialVersionUID = 1L;

        ZeroRandom() {
            super(0L);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Keeps the first {@code limit} bytes written and drops the rest. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < limit) {
                bytes.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int n = Math.min(len, limit - bytes.size());
            if (n > 0) {
                bytes.write(b, off, n);
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
