package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.interpreter.JavaAquaVm;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the differential corpus runs hop by hop on the Java interpreter and on avm.wasm
 * 0.62.0; every invoke must agree (see {@link StepComparison}). Where the reference is known to trap,
 * our engine must return a typed error at that invoke instead (docs/divergences.md §1).
 */
class CorpusDifferentialTest {

    static Stream<DiffScenario> scenarios() {
        return Corpus.scenarios().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameOutcomesAsReference(DiffScenario s) {
        EngineNetwork ref = Corpus.referenceRun(s);
        EngineNetwork java = new EngineNetwork(s, peer -> new JavaAquaVm()).run();
        assertNull(java.trap(), () -> s.source() + ": the Java engine threw " + java.trap());
        if (s.referenceTraps()) {
            assertNotNull(ref.trap(), s.source() + ": avm.wasm was expected to trap but did not");
            int at = ref.trap().step();
            assertTrue(java.steps().size() > at, s.source() + ": Java stopped before the invoke where avm.wasm traps");
            assertNotEquals(0, java.steps().get(at).outcome().retCode(),
                    s.source() + ": Java must return a typed error where avm.wasm traps");
            assertNull(StepComparison.firstDifference(ref.steps(), java.steps().subList(0, at), s.exactMessage()),
                    s.source() + ": before the trap");
            return;
        }
        assertNull(ref.trap(), () -> s.source() + ": avm.wasm trapped: " + ref.trap().error());
        String diff = StepComparison.firstDifference(ref.steps(), java.steps(), s.exactMessage());
        assertNull(diff, () -> s.source() + " " + s.name() + "\n" + java.script() + "\n" + diff);
        Set<Long> seen = new TreeSet<>();
        ref.steps().forEach(step -> seen.add(step.outcome().retCode()));
        assertTrue(seen.containsAll(s.expectCodes()), s.source() + ": expected ret_codes " + s.expectCodes()
                + " in the reference run, saw " + seen);
    }

    @Test
    void corpusIsLargeAndNamesAreUnique() {
        List<DiffScenario> all = Corpus.scenarios();
        assertTrue(all.size() >= 150, "the corpus has " + all.size() + " scenarios");
        Set<String> names = new TreeSet<>();
        for (DiffScenario s : all) {
            assertTrue(names.add(s.name()), s.source() + ": duplicate name " + s.name());
        }
        int multiPeer = 0;
        for (DiffScenario s : all) {
            if (s.air().contains("@") || s.air().contains("peers")) {
                multiPeer++;
            }
        }
        assertEquals(true, multiPeer * 2 > all.size(), "most scenarios cross peers: " + multiPeer + " of " + all.size());
    }
}
