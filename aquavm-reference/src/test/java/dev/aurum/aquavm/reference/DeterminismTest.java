package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import org.junit.jupiter.api.Test;

/** Same inputs give the same bytes: twice, across fresh instances, and across separately prepared modules. */
class DeterminismTest {

    private static final TestPeer PEER = TestPeer.named("determinism");
    private static final byte[] NONE = new byte[0];

    @Test
    void sameInputsSameBytes() {
        RunParameters params = Hops.params(PEER, PEER);
        String air = SingleCallScenarioTest.AIR;
        ReferenceAquaVm vm = SharedVm.VM;

        InterpreterOutcome a1 = vm.invoke(air, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        InterpreterOutcome b1 = vm.invoke(air, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        assertEquals(a1, b1);

        byte[] results = Hops.result(1, "\"hello\"");
        InterpreterOutcome a2 = vm.invoke(air, a1.data(), NONE, params, results);
        InterpreterOutcome b2 = vm.invoke(air, b1.data(), NONE, params, results);
        assertEquals(a2, b2);

        // a separately prepared module (its own probe, rewrite and parse) and a hand-made fresh instance
        ReferenceAquaVm other = new ReferenceAquaVm(AvmModule.load(AvmModule.Mode.COMPILED));
        assertEquals(a2, other.invoke(air, a1.data(), NONE, params, results));
        try (AvmInstance fresh = other.module().newInstance()) {
            assertEquals(a1, fresh.invoke(air, NONE, NONE, params, Hops.NO_CALL_RESULTS));
        }
    }

    @Test
    void forkJoinTwiceGivesIdenticalData() {
        // multi-entry maps (signatures, stores) are where Rust's HashMap seeding would show
        ForkJoinScenarioTest first = new ForkJoinScenarioTest();
        ForkJoinScenarioTest second = new ForkJoinScenarioTest();
        assertEquals(first.finalData().length, second.finalData().length);
        assertEquals(java.util.HexFormat.of().formatHex(first.finalData()),
                java.util.HexFormat.of().formatHex(second.finalData()));
    }
}
