package dev.aurum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.proofs.trace.TraceCodec;
import org.junit.jupiter.api.Test;

class HonestTracesTest {

    @Test
    void everyBuiltinScenarioVerifies() {
        TraceVerifier verifier = new TraceVerifier(Engines.REFERENCE);
        for (String name : BuiltinScenarios.NAMES) {
            NetworkRun run = BuiltinScenarios.load(name).run(Engines.REFERENCE);
            VerificationReport r = verifier.verify(TraceCodec.encode(run.trace()));
            assertTrue(r.valid(), name + ": " + (r.failure() == null ? "" : r.failure().describe()));
            assertEquals(run.trace().hops().size(), r.hops().size());
        }
    }
}
