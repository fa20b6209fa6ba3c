package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mixed networks: some peers of a particle run the Java interpreter and the others avm.wasm, so each engine
 * receives, verifies and extends data the other one wrote, mid-particle. Every invoke must agree
 * semantically with the all-reference run (ret_code, message, next peers, call requests, decoded data).
 */
class MixedNetworkTest {

    /** Small scenarios run under every assignment of engines to their peers. */
    private static final Set<String> EXHAUSTIVE = Set.of("fork join with fold and canon",
            "stream across peers and generations", "remote canon replay and canon sent_by",
            "join on undefined arg at remote peer", "stream generations over three hops");

    static Stream<DiffScenario> scenarios() {
        return Corpus.scenarios().stream().filter(s -> !s.referenceTraps());
    }

    /** Peers alternate engines in scenario order: Java on even positions, then Java on odd ones. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void alternatingEnginesAgreeWithReference(DiffScenario s) {
        EngineNetwork ref = Corpus.referenceRun(s);
        assertNull(ref.trap(), s.source() + ": reference trapped");
        for (int parity = 0; parity < 2; parity++) {
            int javaParity = parity;
            EngineNetwork mixed = new EngineNetwork(s, peer -> s.peers().indexOf(peer) % 2 == javaParity
                    ? new JavaAquaVm() : Corpus.reference()).run();
            assertNull(mixed.trap(), () -> s.source() + ": an engine threw in the mixed run: " + mixed.trap());
            String diff = StepComparison.firstDifference(ref.steps(), mixed.steps(), s.exactMessage());
            assertNull(diff, () -> s.source() + " (Java on " + (javaParity == 0 ? "even" : "odd") + " peers)\n" + diff);
        }
    }

    @Test
    void everyAssignmentOfSmallScenarios() {
        List<DiffScenario> chosen = new ArrayList<>();
        for (DiffScenario s : Corpus.scenarios()) {
            if (EXHAUSTIVE.contains(s.name())) {
                chosen.add(s);
            }
        }
        assertEquals(EXHAUSTIVE.size(), chosen.size(), "all exhaustive scenarios are in the corpus");
        int runs = 0;
        Set<String> enginesSeen = new TreeSet<>();
        for (DiffScenario s : chosen) {
            EngineNetwork ref = Corpus.referenceRun(s);
            int n = s.peers().size();
            for (int mask = 0; mask < (1 << n); mask++) {
                int m = mask;
                EngineNetwork mixed = new EngineNetwork(s, peer -> engine(m, s.peers().indexOf(peer))).run();
                assertNull(mixed.trap(), () -> s.name() + " mask " + m + ": " + mixed.trap());
                String diff = StepComparison.firstDifference(ref.steps(), mixed.steps(), s.exactMessage());
                assertNull(diff, () -> s.name() + " with Java on peer mask " + Integer.toBinaryString(m) + "\n" + diff);
                mixed.steps().forEach(step -> enginesSeen.add(step.peer() + "=" + step.engine()));
                runs++;
            }
        }
        System.out.println("mixed networks: " + runs + " engine assignments of " + chosen.size() + " scenarios agree");
        // each peer that ran was seen on both engines
        assertTrue(enginesSeen.contains("alice=java") && enginesSeen.contains("alice=reference")
                && enginesSeen.contains("bob=java") && enginesSeen.contains("bob=reference"), enginesSeen.toString());
    }

    private static AquaVm engine(int javaMask, int peerIndex) {
        return (javaMask >> peerIndex & 1) == 1 ? new JavaAquaVm() : Corpus.reference();
    }
}
