package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.verifier.wasi.VerificationRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check: for every trace and bundle vector (honest and the whole attack corpus, every
 * tampered and forged bundle) and for malformed inputs, the verdict bytes from the Wasm module equal the
 * JVM verifier's, byte for byte; for bundles both also equal the committed expected verdict.
 */
class JvmWasmIdentityTest {

    private static final WasmVerifier WASM = WasmVerifier.load();

    /** The registry the bundle set is made for (test-vectors ProofBundles; bundles.jsonl names it per line). */
    private static final Eip712Domain REGISTRY =
            Eip712Domain.golden(31337, EvmAddress.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"));

    private static void assertIdentical(String name, byte[] trace, Long now) {
        byte[] jvm = VerificationRequest.verdict(trace, now, REGISTRY);
        WasmVerdict wasm = WASM.verify(trace, now, REGISTRY, WasmVerifier.DEFAULT_GAS_LIMIT);
        assertEquals(WasmVerdict.Status.VERDICT, wasm.status(), name + ": " + wasm.detail());
        assertArrayEquals(jvm, wasm.output(), () -> name + "\n  jvm:  " + new String(jvm, StandardCharsets.UTF_8)
                + "\n  wasm: " + wasm.outputText());
        assertTrue(wasm.gasUsed() > 0, name);
    }

    @Test
    void everyTraceVectorGivesTheSameVerdictBytes() {
        Map<String, byte[]> traces = Vectors.traces();
        assertTrue(traces.size() >= 26 + 37, "vectors: " + traces.size());
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : traces.entrySet()) {
            assertIdentical(e.getKey(), e.getValue(), null);
            summary.add(e.getKey());
        }
        assertEquals(traces.size(), summary.size());
    }

    @Test
    void everyBundleVectorGivesTheCommittedVerdictBytesOnBothSides() {
        Map<String, byte[]> bundles = Vectors.bundles();
        assertTrue(bundles.keySet().stream().filter(k -> k.startsWith("honest/")).count() >= 2, "honest bundles");
        assertTrue(bundles.size() >= 25, "bundle vectors: " + bundles.size());
        String index = new String(Vectors.bundleIndex(), StandardCharsets.UTF_8);
        assertTrue(index.contains("\"chain_id\":31337") && index.contains("\"registry\":\""
                + REGISTRY.verifyingContract().toHex() + "\""), "bundles.jsonl names another registry");
        for (Map.Entry<String, byte[]> e : bundles.entrySet()) {
            assertIdentical(e.getKey(), e.getValue(), null);
            byte[] expected = Vectors.bundleVerdict(e.getKey());
            assertArrayEquals(expected, VerificationRequest.verdict(e.getValue(), null, REGISTRY), e.getKey());
        }
    }

    @Test
    void aBundleWithoutTheRegistryDomainIsABadRequest() {
        byte[] bundle = Vectors.bundles().values().iterator().next();
        WasmVerdict v = WASM.verify(bundle, null, null, WasmVerifier.DEFAULT_GAS_LIMIT);
        assertEquals(WasmVerdict.Status.BAD_REQUEST, v.status(), v.detail());
        assertTrue(v.detail().contains("--chain-id"), v.detail());
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
        byte[] bundle = Vectors.bundles().get("honest/chain-hop-1");
        if (bundle == null) {
            bundle = Vectors.bundles().values().iterator().next();
        }
        assertIdentical("truncated bundle", Arrays.copyOf(bundle, bundle.length - 7), null);
        for (int i = 0; i < 4; i++) {
            byte[] mutated = bundle.clone();
            mutated[1 + random.nextInt(mutated.length - 1)] ^= (byte) (1 << random.nextInt(8));
            assertIdentical("bundle bit flip " + i, mutated, null);
        }
    }
}
