package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's sha256 gate ({@code verify-avm-wasm.mjs}, run by node as the build does). */
class WasmCheckScriptTest {

    private static final Path WASM = Path.of("node_modules/@fluencelabs/avm/dist/avm.wasm");

    @Test
    void acceptsThePinnedWasmAndCopiesIt(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("sub/avm.wasm");
        Result r = run(WASM.toString(), AvmModule.EXPECTED_SHA256, copy.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertArrayEquals(Files.readAllBytes(WASM), Files.readAllBytes(copy));
    }

    @Test
    void rejectsAWrongHashNamingBothAndCopiesNothing(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("avm.wasm");
        String wrong = "00".repeat(32);
        Result r = run(WASM.toString(), wrong, copy.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("expected " + wrong), r.output());
        assertTrue(r.output().contains("actual " + AvmModule.EXPECTED_SHA256), r.output());
        assertFalse(Files.exists(copy));
    }

    @Test
    void rejectsAMissingFile(@TempDir Path dir) throws Exception {
        Result r = run(dir.resolve("absent.wasm").toString(), AvmModule.EXPECTED_SHA256, dir.resolve("x").toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("not found"), r.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = "verify-avm-wasm.mjs";
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }
}
