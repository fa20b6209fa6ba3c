package dev.aurum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.trace.SignedTrace;
import org.junit.jupiter.api.Test;

/** An engine that throws gives a verdict naming the hop, not an exception out of the verifier. */
class EngineFailureTest {

    @Test
    void aTrappingEngineIsReportedAtTheHop() {
        SignedTrace honest = BuiltinScenarios.load("chain").run(Engines.REFERENCE).trace();
        int[] calls = {0};
        AquaVm trapsOnThirdHop = new AquaVm() {
            @Override
            public InterpreterOutcome invoke(String air, byte[] prev, byte[] current, RunParameters p, byte[] results) {
                if (p.currentPeerId().equals(honest.hops().get(2).peer())) {
                    throw new IllegalStateException("trap: call stack exhausted");
                }
                calls[0]++;
                return Engines.REFERENCE.invoke(air, prev, current, p, results);
            }

            @Override
            public String name() {
                return "flaky";
            }
        };
        VerificationReport r = new TraceVerifier(trapsOnThirdHop).verify(honest, null);
        assertFalse(r.valid());
        assertEquals(Check.ENGINE, r.failure().check());
        assertEquals(2, r.failure().hop());
        assertTrue(r.failure().reason().contains("call stack exhausted"), r.failure().reason());
        assertEquals(HopReport.Status.NOT_CHECKED, r.hops().get(3).status());
        assertEquals(2, r.participants().size(), "only verified hops count");
        assertTrue(calls[0] > 0);
    }

    @Test
    void timeChecksUseTheGivenNow() {
        SignedTrace honest = BuiltinScenarios.load("chain").run(Engines.REFERENCE).trace();
        long last = honest.hops().get(honest.hops().size() - 1).time();
        assertTrue(new TraceVerifier(Engines.REFERENCE).verify(honest, last).valid());
        VerificationReport early = new TraceVerifier(Engines.REFERENCE).verify(honest, last - 1);
        assertEquals(Check.TIMESTAMPS, early.failure().check());
        assertEquals(honest.hops().size() - 1, early.failure().hop());
    }
}
