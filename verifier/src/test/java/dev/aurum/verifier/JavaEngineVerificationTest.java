package dev.aurum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.MemoizingAquaVm;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.attacks.Attack;
import dev.aurum.verifier.attacks.AttackCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier on the deterministic Java engine, which has its own fast path (the audit checks
 * received data without executing the script) and a memo of verified signatures: both must leave
 * every verdict exactly as a full replay gives it.
 */
class JavaEngineVerificationTest {

    private static final byte[] NO_CALL_RESULTS = {(byte) 0x81, 0x04, (byte) 0x80};
    private static SignedTrace honest;
    private static List<Attack> corpus;

    @BeforeAll
    static void forge() {
        MemoizingAquaVm reference = new MemoizingAquaVm(Engines.REFERENCE);
        Scenario s = BuiltinScenarios.load("fork-join");
        honest = s.run(reference).trace();
        Map<String, KeyPair> keys = new TreeMap<>();
        for (PeerIdentity id : s.identities().values()) {
            keys.put(id.peerId().toString(), id.keys());
        }
        corpus = AttackCorpus.forkJoin(honest, keys, reference);
    }

    @Test
    void honestTracesFromEitherEngineVerify() {
        TraceVerifier verifier = new TraceVerifier(new JavaAquaVm());
        for (String name : BuiltinScenarios.NAMES) {
            for (NetworkRun run : List.of(BuiltinScenarios.load(name).run(new JavaAquaVm()),
                    BuiltinScenarios.load(name).run(Engines.REFERENCE))) {
                VerificationReport r = verifier.verify(TraceCodec.encode(run.trace()));
                assertTrue(r.valid(), name + ": " + (r.failure() == null ? "" : r.failure().describe()));
            }
        }
    }

    /** One verifier (one engine memo) for the whole corpus: a remembered signature never excuses a forgery. */
    @Test
    void everyForgeryIsRejectedForTheSameReasonAsOnTheReference() {
        TraceVerifier verifier = new TraceVerifier(new JavaAquaVm());
        List<String> wrong = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Attack a : corpus) {
                Failure f = verifier.verify(a.trace()).failure();
                if (f == null || f.check() != a.expectedCheck() || f.hop() != a.expectedHop()) {
                    wrong.add(a.name() + ": expected " + a.expectedCheck() + " at hop " + a.expectedHop() + ", got "
                            + (f == null ? "valid" : f.describe()));
                }
            }
            assertTrue(verifier.verify(honest, null).valid());
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The audit's shortcut: on every hop's resulting data, intact or with seeded byte flips, checking
     * received data alone gives the ret code and message of a full invoke whenever the checks fail,
     * and passes only when a full invoke gets past them (ret code 8 and 9 never follow).
     */
    @Test
    void checkingReceivedDataAgreesWithAFullInvoke() {
        JavaAquaVm engine = new JavaAquaVm();
        String auditor = KeyPair.forTestName("auditor").peerId().toString();
        RunParameters params = RunParameters.of(honest.particle().initPeerId(), auditor, honest.particle().timestamp(),
                honest.particle().ttl(), new byte[32], honest.particle().id());
        SplittableRandom random = new SplittableRandom(20261121);
        int failed = 0;
        for (Hop hop : honest.hops()) {
            byte[] out = honest.blob(hop.outData());
            for (int k = 0; k < 40; k++) {
                byte[] data = out.clone();
                if (k > 0 && data.length > 0) {
                    data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                }
                JavaAquaVm.DataCheck check = engine.checkReceivedData(honest.particle().script(), data, params);
                InterpreterOutcome full = new JavaAquaVm().invoke(honest.particle().script(), new byte[0], data, params,
                        NO_CALL_RESULTS);
                if (check.retCode() != 0) {
                    failed++;
                    assertEquals(full.retCode(), check.retCode(), check.errorMessage());
                    assertEquals(full.errorMessage(), check.errorMessage());
                } else {
                    assertNotEquals(8, full.retCode(), full.errorMessage());
                    assertNotEquals(9, full.retCode(), full.errorMessage());
                }
            }
        }
        assertTrue(failed > 20, "the flips must exercise the failure paths, " + failed + " did");
    }

    @Test
    void aTraceWithItsLastHopCutOffIsIncompleteWhileTheParticleLives() throws DecodeException {
        Attack attack = corpus.stream().filter(a -> a.name().equals("last-hop-cut-off")).findFirst().orElseThrow();
        SignedTrace cut = TraceCodec.decode(attack.trace());
        assertEquals(honest.hops().size() - 1, cut.hops().size());
        TraceVerifier verifier = new TraceVerifier(new JavaAquaVm());
        VerificationReport live = verifier.verify(cut, null);
        assertEquals(Check.INCOMPLETE, live.failure().check(), live.failure().describe());
        assertEquals(4, live.failure().hop());
        for (HopReport h : live.hops()) {
            assertEquals(HopReport.Status.VERIFIED, h.status(), "every remaining hop itself verifies");
        }
        long deadline = honest.particle().deadline();
        assertEquals(Check.INCOMPLETE, verifier.verify(cut, deadline).failure().check());
        // after the deadline nothing more can happen: what was recorded is all there is
        VerificationReport expired = verifier.verify(cut, deadline + 1);
        assertTrue(expired.valid(), () -> expired.failure().describe());
    }
}
