package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
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

    /** The verification runs on a thread of its own; a caller interrupted meanwhile still stops it. */
    @Test
    void anInterruptedCallerStopsTheVerificationAndStaysInterrupted() throws InterruptedException {
        byte[] trace = Vectors.traces().get("honest/fork-join");
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt(); // before the call: the module stops at its first check
            try {
                outcome.set(WasmVerifier.load().verify(trace, null));
            } catch (ChicoryInterruptedException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? "interrupted" : "flag lost");
            }
        });
        caller.start();
        caller.join();
        assertEquals("interrupted", outcome.get());
    }

    @Test
    void reportedModuleHashesAreThoseOfTheBuiltModules() throws IOException {
        WasmVerifier w = WasmVerifier.load();
        Path dir = Path.of("../verifier/target/wasm");
        assertEquals(sha256(Files.readAllBytes(dir.resolve("aurum-verifier.wasm"))), w.moduleSha256());
        assertEquals(sha256(Files.readAllBytes(dir.resolve("aurum-verifier-preinit.wasm"))),
                w.preinitializedModuleSha256());
        assertEquals(sha256(Files.readAllBytes(dir.resolve("aurum-verifier-metered.wasm"))), w.meteredModuleSha256());
    }

    /** TeaVM's start-up ran at build time: the module that runs has no start function and no preinit export. */
    @Test
    void theRunningModuleIsPreinitialised() throws IOException {
        Path dir = Path.of("../verifier/target/wasm");
        com.dylibso.chicory.wasm.WasmModule original =
                com.dylibso.chicory.wasm.Parser.parse(Files.readAllBytes(dir.resolve("aurum-verifier.wasm")));
        com.dylibso.chicory.wasm.WasmModule metered =
                com.dylibso.chicory.wasm.Parser.parse(Files.readAllBytes(dir.resolve("aurum-verifier-metered.wasm")));
        assertTrue(original.startSection().isPresent());
        assertTrue(hasExport(original, "aurum_preinit"));
        assertTrue(metered.startSection().isEmpty());
        assertTrue(!hasExport(metered, "aurum_preinit"));
        assertTrue(hasExport(metered, "_start") && hasExport(metered, "aurum_gas"));
        assertTrue(metered.memorySection().orElseThrow().getMemory(0).limits().initialPages()
                > original.memorySection().orElseThrow().getMemory(0).limits().initialPages(), "heap in the snapshot");
    }

    private static boolean hasExport(com.dylibso.chicory.wasm.WasmModule m, String name) {
        for (int i = 0; i < m.exportSection().exportCount(); i++) {
            if (m.exportSection().getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        org.bouncycastle.crypto.digests.SHA256Digest d = new org.bouncycastle.crypto.digests.SHA256Digest();
        d.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return org.bouncycastle.util.encoders.Hex.toHexString(out);
    }
}
