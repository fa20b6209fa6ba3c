package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Input limits, bad requests and the recorded module hashes. */
class HostLimitsTest {

    @Test
    void inputOverTheHostLimitIsRefusedBeforeTheModuleRuns() {
        WasmVerdict v = WasmVerifier.withMaxInputBytes(16).verify(new byte[17], null);
        assertEquals(WasmVerdict.Status.FAILED, v.status());
        assertEquals(0, v.gasUsed());
        assertTrue(v.detail().contains("over the host limit of 16 bytes"), v.detail());
    }

    @Test
    void negativeNowIsABadRequestOfTheModule() {
        WasmVerdict v = WasmVerifier.load().verify(new byte[0], -1L);
        assertEquals(WasmVerdict.Status.BAD_REQUEST, v.status());
        assertTrue(v.detail().contains("bad argument: --now=-1"), v.detail());
        assertTrue(v.gasUsed() > 0);
    }

    @Test
    void moduleHashesAreTheCommittedOnes() throws IOException {
        WasmVerifier w = WasmVerifier.load();
        String committed = Files.readString(Path.of("../verifier/aurum-verifier.sha256"), StandardCharsets.UTF_8);
        assertEquals(w.moduleSha256() + "  aurum-verifier.wasm\n" + w.meteredModuleSha256()
                + "  aurum-verifier-metered.wasm\n", committed);
    }
}
