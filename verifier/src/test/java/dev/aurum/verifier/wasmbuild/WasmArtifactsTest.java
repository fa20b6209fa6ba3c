package dev.aurum.verifier.wasmbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash gate: a module that differs from the record fails the build, saying how to accept it. */
class WasmArtifactsTest {

    private static final byte[] MODULE = PreinitializerTest.MODULE;

    @Test
    void aChangedModuleFailsUntilItsHashesAreRecorded(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(WasmArtifacts.MODULE), MODULE);
        Path record = dir.resolve("record.sha256");
        Files.writeString(record, "0".repeat(64) + "  aurum-verifier.wasm\n", StandardCharsets.UTF_8);
        String[] gate = {dir.toString(), record.toString(), "false"};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WasmArtifacts.main(gate));
        assertTrue(e.getMessage().contains("-Dwasm.hash.update=true"), e.getMessage());
        assertTrue(e.getMessage().contains(WasmArtifacts.sha256(MODULE)), e.getMessage());

        WasmArtifacts.main(new String[] {dir.toString(), record.toString(), "true"});
        String recorded = Files.readString(record, StandardCharsets.UTF_8);
        assertTrue(recorded.startsWith(WasmArtifacts.sha256(MODULE) + "  aurum-verifier.wasm\n"), recorded);
        assertEquals(recorded, Files.readString(dir.resolve("aurum-verifier.sha256"), StandardCharsets.UTF_8));
        WasmArtifacts.main(gate); // now it matches
    }
}
