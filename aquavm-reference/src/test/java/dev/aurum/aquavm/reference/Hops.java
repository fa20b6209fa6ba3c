package dev.aurum.aquavm.reference;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.util.List;
import java.util.Map;

/** Test helpers for driving particles through peers and reading call requests. */
final class Hops {

    static final long TIMESTAMP = 1_700_000_000_000L;
    static final long TTL = 60_000;
    static final String PARTICLE_ID = "7c4a1d0e-0b53-4f3a-9a43-5d0c2bce1f00";

    private Hops() {
    }

    static RunParameters params(TestPeer init, TestPeer current) {
        return RunParameters.of(init.peerId(), current.peerId(), TIMESTAMP, TTL, current.seed(), PARTICLE_ID);
    }

    /** A decoded call request. */
    record CallRequest(long id, String serviceId, String functionName, Object arguments, Object tetraplets) {
    }

    /** Decodes {@code 81 04 {u32 id: {service_id, function_name, arguments: bin, tetraplets: bin}}}. */
    @SuppressWarnings("unchecked")
    static List<CallRequest> callRequests(InterpreterOutcome outcome) {
        Map<Object, Object> map = (Map<Object, Object>) TestMsgpack.decodeMultiformat(outcome.callRequests());
        return map.entrySet().stream().map(e -> {
            Map<Object, Object> r = (Map<Object, Object>) e.getValue();
            return new CallRequest((Long) e.getKey(), (String) r.get("service_id"), (String) r.get("function_name"),
                    TestMsgpack.decode((byte[]) r.get("arguments")), TestMsgpack.decode((byte[]) r.get("tetraplets")));
        }).toList();
    }

    static Map<String, Object> tetraplet(String peerPk, String serviceId, String functionName, String lens) {
        Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("peer_pk", peerPk);
        t.put("service_id", serviceId);
        t.put("function_name", functionName);
        t.put("lens", lens);
        return t;
    }

    static byte[] result(long id, String json) {
        return TestMsgpack.callResults(Map.of((int) id, new TestMsgpack.CallResult(0, json)));
    }
}
