package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * BLAKE3 CID canary: CIDs computed inside avm.wasm (SIMD BLAKE3, through the v128 workaround) must
 * equal BouncyCastle's. Wrong SIMD or v128 handling changes every CID silently, so this guards both.
 */
class CidCanaryTest {

    private static final TestPeer PEER = TestPeer.named("canary");
    private static final byte[] NONE = new byte[0];

    @Test
    void cidOfHelloIsTheKnownOne() {
        String cid = Cids.jsonBlake3("\"hello\"");
        assertEquals("bagaaihraywiz5ms6glptvraaov4uejilnklxnr5rvqpi4rs6y3fa32hezm7q", cid);
        assertTrue(valueStoreOf("\"hello\"").contains("\"" + cid + "\""));
    }

    @Test
    void cidOf64KiBValueUsesTheMultiChunkPath() {
        // a JSON string of 64 KiB of seeded letters: 65 BLAKE3 chunks, so the SIMD multi-chunk code runs
        SplittableRandom random = new SplittableRandom(64);
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < 64 * 1024; i++) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        json.append('"');
        String cid = Cids.jsonBlake3(json.toString());
        assertTrue(valueStoreOf(json.toString()).contains("\"" + cid + "\""), cid);
    }

    /** Runs the single-call script with {@code resultJson} as the service result; returns the readable data. */
    private static String valueStoreOf(String resultJson) {
        ReferenceAquaVm vm = SharedVm.VM;
        RunParameters params = Hops.params(PEER, PEER);
        String air = SingleCallScenarioTest.AIR;
        InterpreterOutcome first = vm.invoke(air, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        InterpreterOutcome second = vm.invoke(air, first.data(), NONE, params, Hops.result(1, resultJson));
        assertEquals(0, second.retCode(), second.errorMessage());
        String human = vm.toHumanReadableData(second.data());
        return human.substring(human.indexOf("\"value_store\""));
    }
}
