package dev.aurum.verifier;

import dev.aurum.proofs.runtime.MemoizingAquaVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.verifier.attacks.Attack;
import dev.aurum.verifier.attacks.AttackCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every forged trace is rejected by the check it targets, at the hop it targets; the honest one passes. */
class AttackCorpusTest {

    private static final MemoizingAquaVm ENGINE = new MemoizingAquaVm(Engines.REFERENCE);
    private static SignedTrace honest;
    private static List<Attack> corpus;

    @BeforeAll
    static void generate() {
        Scenario s = BuiltinScenarios.load("fork-join");
        honest = s.run(ENGINE).trace();
        Map<String, KeyPair> keys = new TreeMap<>();
        for (PeerIdentity id : s.identities().values()) {
            keys.put(id.peerId().toString(), id.keys());
        }
        corpus = AttackCorpus.forkJoin(honest, keys, ENGINE);
    }

    @Test
    void corpusIsLargeAndNamedUniquely() {
        assertTrue(corpus.size() >= 30, "corpus has " + corpus.size());
        TreeSet<String> names = new TreeSet<>();
        for (Attack a : corpus) {
            assertTrue(names.add(a.name()), "duplicate " + a.name());
        }
    }

    @Test
    void honestTraceIsValid() {
        VerificationReport r = new TraceVerifier(ENGINE).verify(honest, null);
        assertTrue(r.valid(), () -> r.failure().describe());
        assertEquals(5, r.participants().size());
    }

    @Test
    void everyForgeryIsRejectedForTheRightReason() {
        TraceVerifier verifier = new TraceVerifier(ENGINE);
        List<String> wrong = new ArrayList<>();
        for (Attack a : corpus) {
            VerificationReport r = verifier.verify(a.trace());
            if (r.valid()) {
                wrong.add(a.name() + ": accepted");
                continue;
            }
            Failure f = r.failure();
            assertNotNull(f);
            assertFalse(f.reason().isEmpty());
            if (f.check() != a.expectedCheck() || f.hop() != a.expectedHop()) {
                wrong.add(a.name() + ": expected " + a.expectedCheck() + " at hop " + a.expectedHop() + ", got "
                        + f.describe());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void failuresNameTheInstructionWhenThereIsOne() {
        Attack altered = corpus.stream().filter(a -> a.name().equals("altered-arguments")).findFirst().orElseThrow();
        Failure f = new TraceVerifier(ENGINE).verify(altered.trace()).failure();
        assertEquals("call 1 average_service.calc[10,20]", f.instruction());
        assertTrue(f.reason().contains("recorded average_service.calc[11,20]"), f.reason());
    }
}
