package dev.aurum.verifier.wasm.profile;

import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/** The dev tools' WASI set-up: the same deterministic inputs `WasmVerifier` gives the module. */
final class DevWasi {

    private DevWasi() {
    }

    /** Input on stdin, stdout captured, stderr shown, clock at the epoch, seeded randomness. */
    static WasiOptions options(byte[] input, OutputStream stdout, List<String> args) {
        return WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(input))
                .withStdout(stdout)
                .withStderr(System.err)
                .withArguments(args)
                .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .withRandom(new Random(0))
                .build();
    }

    /** The module's initial memory, up to the host's 2,560-page cap. */
    static MemoryLimits memoryLimits(WasmModule module) {
        int initialPages = module.memorySection().orElseThrow().getMemory(0).limits().initialPages();
        return new MemoryLimits(initialPages, 2560);
    }
}
