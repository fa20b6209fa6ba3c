package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bad input gets AquaVM's own error codes from the wasm, never a Java exception. */
class BadInputTest {

    private static final TestPeer PEER = TestPeer.named("bad-input");
    private static final String AIR = SingleCallScenarioTest.AIR;
    private static final byte[] NONE = new byte[0];
    private final ReferenceAquaVm vm = SharedVm.VM;
    private final RunParameters params = Hops.params(PEER, PEER);

    @Test
    void garbageCurrentDataIsEnvelopeError3() {
        InterpreterOutcome o = vm.invoke(AIR, NONE, new byte[] {1, 2, 3}, params, Hops.NO_CALL_RESULTS);
        assertEquals(3, o.retCode());
        assertTrue(o.errorMessage().contains("envelope deserialization"), o.errorMessage());
        assertPreparationErrorShape(o, NONE);
    }

    @Test
    void garbagePrevDataIsEnvelopeError3AndKeepsPrevData() {
        byte[] prev = {1, 2, 3};
        InterpreterOutcome o = vm.invoke(AIR, prev, NONE, params, Hops.NO_CALL_RESULTS);
        assertEquals(3, o.retCode());
        assertPreparationErrorShape(o, prev);
    }

    @Test
    void garbageInnerDataIsDataError2() {
        byte[] data = Hops.envelope("0.17.2", "0.62.0", new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        InterpreterOutcome o = vm.invoke(AIR, NONE, data, params, Hops.NO_CALL_RESULTS);
        assertEquals(2, o.retCode(), o.errorMessage());
        assertPreparationErrorShape(o, NONE);
    }

    @Test
    void tooOldInterpreterVersionIs6() {
        byte[] data = Hops.envelope("0.17.2", "0.50.0", new byte[0]);
        InterpreterOutcome o = vm.invoke(AIR, NONE, data, params, Hops.NO_CALL_RESULTS);
        assertEquals(6, o.retCode(), o.errorMessage());
    }

    @Test
    void unparsableAirIs1() {
        InterpreterOutcome o = vm.invoke("(seq", NONE, NONE, params, Hops.NO_CALL_RESULTS);
        assertEquals(1, o.retCode());
        assertTrue(o.errorMessage().startsWith("air can't be parsed"), o.errorMessage());
    }

    @Test
    void garbageCallResultsAre5() {
        InterpreterOutcome o = vm.invoke(AIR, NONE, NONE, params, new byte[] {(byte) 0x81, 0x04, (byte) 0xC1});
        assertEquals(5, o.retCode(), o.errorMessage());
    }

    @Test
    void badSecretKeyIs7() {
        RunParameters shortKey = new RunParameters(PEER.peerId(), PEER.peerId(), Hops.TIMESTAMP, Hops.TTL, 0,
                new byte[] {1, 2, 3}, Hops.PARTICLE_ID, RunParameters.DEFAULT_AIR_SIZE_LIMIT,
                RunParameters.DEFAULT_PARTICLE_SIZE_LIMIT, RunParameters.DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
        InterpreterOutcome o = vm.invoke(AIR, NONE, NONE, shortKey, Hops.NO_CALL_RESULTS);
        assertEquals(7, o.retCode(), o.errorMessage());
    }

    /** Seeded fuzz: random and mutated data must always come back as an outcome, never a trap. */
    @Test
    void fuzzedDataNeverTraps() {
        InterpreterOutcome valid = vm.invoke(AIR, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        byte[] good = valid.data();
        SplittableRandom random = new SplittableRandom(0xA17);
        for (int i = 0; i < 40; i++) {
            byte[] data;
            if (i % 2 == 0) {
                data = new byte[random.nextInt(1, 300)];
                random.nextBytes(data);
            } else {
                data = good.clone();
                for (int flips = random.nextInt(1, 4); flips > 0; flips--) {
                    data[random.nextInt(data.length)] ^= (byte) random.nextInt(1, 256);
                }
            }
            InterpreterOutcome o = vm.invoke(AIR, NONE, data, params, Hops.NO_CALL_RESULTS);
            if (i % 2 == 0) {
                assertNotEquals(0, o.retCode(), "random data accepted, case " + i);
            }
            assertTrue(o.retCode() >= 0, "case " + i);
        }
    }

    /** Preparation errors return the unchanged prev data, no next peers and the empty request map. */
    private static void assertPreparationErrorShape(InterpreterOutcome o, byte[] prev) {
        assertArrayEquals(prev, o.data());
        assertEquals(List.of(), o.nextPeerPks());
        assertArrayEquals(Hops.NO_CALL_RESULTS, o.callRequests());
    }
}
