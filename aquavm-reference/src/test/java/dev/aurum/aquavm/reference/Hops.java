package dev.aurum.aquavm.reference;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers for driving particles through peers and reading call requests, on the core's sede codecs. */
final class Hops {

    static final long TIMESTAMP = 1_700_000_000_000L;
    static final long TTL = 60_000;
    static final String PARTICLE_ID = "7c4a1d0e-0b53-4f3a-9a43-5d0c2bce1f00";
    /** No call results: {@code 81 04 80}. */
    static final byte[] NO_CALL_RESULTS = CallResults.encode(Map.of());

    private Hops() {
    }

    static RunParameters params(TestPeer init, TestPeer current) {
        return RunParameters.of(init.peerId(), current.peerId(), TIMESTAMP, TTL, current.seed(), PARTICLE_ID);
    }

    /** A decoded call request. */
    record CallRequest(long id, String serviceId, String functionName, List<JsonValue> arguments,
                       List<List<SecurityTetraplet>> tetraplets) {
    }

    static List<CallRequest> callRequests(InterpreterOutcome outcome) {
        List<CallRequest> out = new ArrayList<>();
        try {
            for (Map.Entry<Long, CallRequestParams> e : CallRequests.decode(outcome.callRequests()).entrySet()) {
                CallRequestParams r = e.getValue();
                out.add(new CallRequest(e.getKey(), r.serviceId(), r.functionName(), r.arguments(), r.tetraplets()));
            }
        } catch (DecodeException e) {
            throw new AssertionError("call requests do not decode: " + e.getMessage(), e);
        }
        return out;
    }

    static SecurityTetraplet tetraplet(String peerPk, String serviceId, String functionName, String lens) {
        return new SecurityTetraplet(peerPk, serviceId, functionName, lens);
    }

    static byte[] result(long id, String json) {
        return CallResults.encode(Map.of(Long.toString(id), new CallServiceResult(0, json)));
    }

    /** A data envelope {version, interpreter_version, inner_data: bin} around {@code inner}. */
    static byte[] envelope(String version, String interpreterVersion, byte[] inner) {
        return new DataEnvelope(version, interpreterVersion, inner).encode();
    }
}
