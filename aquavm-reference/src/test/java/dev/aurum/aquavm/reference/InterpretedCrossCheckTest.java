package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full avm.wasm in the SIMD interpreter (no compiler involved) against the build-time compiled
 * set-up: same bytes out. Also checks the build's interpreted-function list against the module.
 */
class InterpretedCrossCheckTest {

    private static AvmModule interpreted;

    @BeforeAll
    static void prepare() {
        interpreted = AvmModule.load(AvmModule.Mode.INTERPRETED);
    }

    @Test
    void fullModuleIsThePinnedOne() {
        assertEquals(AvmModule.EXPECTED_SHA256, interpreted.sha256());
        assertEquals(AvmModule.EXPECTED_SHA256, SharedVm.VM.module().sha256());
    }

    @Test
    void simdFunctionsAreTheTwelveBlake3Functions() {
        // known answer from avm-wasm-abi.md section 2 (function indices, imports included)
        assertEquals(Set.of(35, 230, 344, 512, 587, 1069, 1125, 1152, 1416, 1680, 2052, 3328),
                interpreted.simdFunctions());
    }

    @Test
    void buildTimeInterpretedListIsSimdPlusTheOversizedFunction() {
        Set<Integer> expected = new TreeSet<>(interpreted.simdFunctions());
        expected.add(8); // regex_automata::meta::strategy::new: too large for one JVM method
        assertEquals(expected, SharedVm.VM.module().interpretedFunctions());
        assertEquals(interpreted.simdFunctions(), SharedVm.VM.module().simdFunctions());
        assertEquals(interpreted.patchedLocalSets(), SharedVm.VM.module().patchedLocalSets());
        assertEquals(interpreted.patchedLocalTees(), SharedVm.VM.module().patchedLocalTees());
    }

    @Test
    void startUpCheckRejectsListsThatDoNotMatchTheMetaModule() {
        var meta = com.dylibso.chicory.wasm.Parser.parse(AvmModule.readResource(AvmModule.AOT_META_RESOURCE));
        Set<Integer> simd = SharedVm.VM.module().simdFunctions();
        Set<Integer> listed = SharedVm.VM.module().interpretedFunctions();
        AvmModule.checkAotInterpretedSet(meta, simd, listed);

        Set<Integer> withoutOversized = new TreeSet<>(listed);
        withoutOversized.remove(8);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AvmModule.checkAotInterpretedSet(meta, simd, withoutOversized));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("function 8"), e.getMessage());

        Set<Integer> outOfRange = new TreeSet<>(listed);
        outOfRange.add(1_000_000);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AvmModule.checkAotInterpretedSet(meta, simd, outOfRange));
    }

    @Test
    void interpretedAndCompiledGiveIdenticalBytes() {
        TestPeer peer = TestPeer.named("cross-check");
        RunParameters params = Hops.params(peer, peer);
        String air = SingleCallScenarioTest.AIR;
        byte[] none = new byte[0];
        ReferenceAquaVm slow = new ReferenceAquaVm(interpreted);
        ReferenceAquaVm fast = SharedVm.VM;

        InterpreterOutcome slow1 = slow.invoke(air, none, none, params, Hops.NO_CALL_RESULTS);
        InterpreterOutcome fast1 = fast.invoke(air, none, none, params, Hops.NO_CALL_RESULTS);
        assertEquals(0, slow1.retCode(), slow1.errorMessage());
        assertEquals(slow1, fast1);

        byte[] results = Hops.result(1, "\"hello\"");
        InterpreterOutcome slow2 = slow.invoke(air, slow1.data(), none, params, results);
        InterpreterOutcome fast2 = fast.invoke(air, fast1.data(), none, params, results);
        assertEquals(0, slow2.retCode(), slow2.errorMessage());
        assertEquals(slow2, fast2);
        assertEquals(slow.toHumanReadableData(slow2.data()), fast.toHumanReadableData(fast2.data()));
    }
}
