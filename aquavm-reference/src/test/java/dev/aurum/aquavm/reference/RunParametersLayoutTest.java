package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of the packed 70-byte RunParameters record reaches the wasm at the right offset, and
 * the three limit flags of the 43-byte InterpreterOutcome come back at the right offsets.
 */
class RunParametersLayoutTest {

    private static final TestPeer INIT = TestPeer.named("layout-init");
    private static final TestPeer CURRENT = TestPeer.named("layout-current");
    private static final byte[] NONE = new byte[0];
    private final ReferenceAquaVm vm = SharedVm.VM;

    @Test
    void specialValuesComeFromTheRecord() {
        String air = "(call %init_peer_id% (\"svc\" \"fn\") [%timestamp% %ttl% %init_peer_id%] x)";
        long timestamp = 0x0123_4567_89ABL; // needs more than 32 bits
        RunParameters params = RunParameters.of(INIT.peerId(), INIT.peerId(), timestamp, 0xFFFF_FFF0L,
                INIT.seed(), "particle-layout");
        InterpreterOutcome o = vm.invoke(air, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        assertEquals(0, o.retCode(), o.errorMessage());
        List<Hops.CallRequest> requests = Hops.callRequests(o);
        assertEquals(List.of(JsonValue.of(timestamp), JsonValue.of(0xFFFF_FFF0L), JsonValue.of(INIT.peerId())),
                requests.get(0).arguments());
    }

    @Test
    void currentPeerDecidesWhereTheCallRuns() {
        String air = "(call \"" + INIT.peerId() + "\" (\"svc\" \"fn\") [] x)";
        InterpreterOutcome o = vm.invoke(air, NONE, NONE, Hops.params(INIT, CURRENT), Hops.NO_CALL_RESULTS);
        assertEquals(0, o.retCode(), o.errorMessage());
        assertEquals(List.of(INIT.peerId()), o.nextPeerPks());
        assertEquals(List.of(), Hops.callRequests(o));
    }

    @Test
    void softAirLimitOnlySetsTheFlag() {
        InterpreterOutcome o = vm.invoke(SingleCallScenarioTest.AIR, NONE, NONE, limits(10, 1 << 20, 1 << 20, false),
                Hops.NO_CALL_RESULTS);
        assertEquals(0, o.retCode(), o.errorMessage());
        assertTrue(o.airSizeLimitExceeded());
        assertFalse(o.particleSizeLimitExceeded());
        assertFalse(o.callResultSizeLimitExceeded());
    }

    @Test
    void hardAirLimitFailsWithCode10() {
        InterpreterOutcome o = vm.invoke(SingleCallScenarioTest.AIR, NONE, NONE, limits(10, 1 << 20, 1 << 20, true),
                Hops.NO_CALL_RESULTS);
        assertEquals(10, o.retCode(), o.errorMessage());
    }

    @Test
    void softParticleAndCallResultLimitsSetTheirFlags() {
        String air = SingleCallScenarioTest.AIR;
        RunParameters roomy = limits(1 << 20, 1 << 20, 1 << 20, false);
        InterpreterOutcome first = vm.invoke(air, NONE, NONE, roomy, Hops.NO_CALL_RESULTS);
        assertEquals(0, first.retCode(), first.errorMessage());

        InterpreterOutcome particle = vm.invoke(air, NONE, first.data(), limits(1 << 20, 16, 1 << 20, false),
                Hops.NO_CALL_RESULTS);
        assertTrue(particle.particleSizeLimitExceeded(), particle.toString());
        assertFalse(particle.airSizeLimitExceeded());
        assertFalse(particle.callResultSizeLimitExceeded());

        InterpreterOutcome result = vm.invoke(air, first.data(), NONE, limits(1 << 20, 1 << 20, 4, false),
                Hops.result(1, "\"a long result\""));
        assertTrue(result.callResultSizeLimitExceeded(), result.toString());
        assertFalse(result.airSizeLimitExceeded());
        assertFalse(result.particleSizeLimitExceeded());
    }

    private static RunParameters limits(long air, long particle, long callResult, boolean hard) {
        return new RunParameters(CURRENT.peerId(), CURRENT.peerId(), Hops.TIMESTAMP, Hops.TTL, 0, CURRENT.seed(),
                Hops.PARTICLE_ID, air, particle, callResult, hard);
    }
}
