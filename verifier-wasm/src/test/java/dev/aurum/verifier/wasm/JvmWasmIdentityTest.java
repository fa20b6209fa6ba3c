package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.verifier.CanonicalVerdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check: for every trace vector (honest and the whole attack corpus) and for malformed
 * inputs, the verdict bytes from the Wasm module equal the JVM verifier's, byte for byte.
 */
class JvmWasmIdentityTest {

    private static final WasmVerifier WASM = WasmVerifier.load();

    private static void assertIdentical(String name, byte[] trace, Long now) {
        byte[] jvm = CanonicalVerdict.of(trace, now);
        WasmVerdict wasm = WASM.verify(trace, now);
        assertEquals(WasmVerdict.Status.VERDICT, wasm.status(), name + ": " + wasm.detail());
        assertArrayEquals(jvm, wasm.output(), () -> name + "\n  jvm:  " + new String(jvm, StandardCharsets.UTF_8)
                + "\n  wasm: " + wasm.outputText());
        assertTrue(wasm.gasUsed() > 0, name);
    }

    @Test
    void everyTraceVectorGivesTheSameVerdictBytes() {
        Map<String, byte[]> traces = Vectors.traces();
        assertTrue(traces.size() >= 4 + 30, "vectors: " + traces.size());
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : traces.entrySet()) {
            assertIdentical(e.getKey(), e.getValue(), null);
            summary.add(e.getKey());
        }
        assertEquals(traces.size(), summary.size());
    }

    @Test
    void explicitNowIsPassedThrough() {
        byte[] honest = Vectors.traces().get("honest/fork-join");
        assertIdentical("now far in the future", honest, 4_000_000_000_000L);
        assertIdentical("now at the epoch", honest, 0L);
    }

    @Test
    void malformedInputsGiveTheSameDecodeVerdict() {
        byte[] honest = Vectors.traces().get("honest/chain");
        assertIdentical("empty", new byte[0], null);
        assertIdentical("truncated", Arrays.copyOf(honest, honest.length / 2), null);
        assertIdentical("text", "not a trace".getBytes(StandardCharsets.UTF_8), null);
        Random random = new Random(20261121);
        for (int i = 0; i < 8; i++) {
            byte[] mutated = honest.clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            assertIdentical("bit flip " + i, mutated, null);
        }
    }
}
