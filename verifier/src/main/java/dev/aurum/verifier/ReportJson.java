package dev.aurum.verifier;

import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link VerificationReport} as JSON, for scripts. Keys are written sorted (serde_json order), so
 * the same report always gives the same bytes. Schema in {@code docs/formats.md}.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static JsonValue of(VerificationReport r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("valid", JsonValue.of(r.valid()));
        m.put("engine", new JsonString(r.engine()));
        m.put("trace_sha256", new JsonString(r.traceHash()));
        m.put("particle_id", new JsonString(r.particleId()));
        m.put("init_peer", new JsonString(r.initPeer()));
        m.put("now", JsonValue.of(r.now()));
        m.put("failure", r.failure() == null ? JsonNull.INSTANCE : failure(r.failure()));
        List<JsonValue> hops = new ArrayList<>();
        for (HopReport h : r.hops()) {
            Map<String, JsonValue> hm = new LinkedHashMap<>();
            hm.put("index", JsonValue.of(h.index()));
            hm.put("peer", new JsonString(h.peer()));
            hm.put("from", h.from() < 0 ? JsonNull.INSTANCE : JsonValue.of(h.from()));
            hm.put("time", JsonValue.of(h.time()));
            hm.put("rounds", JsonValue.of(h.rounds()));
            hm.put("next_peers", strings(h.nextPeers()));
            hm.put("status", new JsonString(statusName(h.status())));
            hm.put("calls", calls(h.calls()));
            hops.add(new JsonObject(hm));
        }
        m.put("hops", new JsonArray(hops));
        List<JsonValue> participants = new ArrayList<>();
        for (Participant p : r.participants()) {
            Map<String, JsonValue> pm = new LinkedHashMap<>();
            pm.put("peer", new JsonString(p.peer()));
            List<JsonValue> hopIndexes = new ArrayList<>();
            for (int i : p.hops()) {
                hopIndexes.add(JsonValue.of(i));
            }
            pm.put("hops", new JsonArray(hopIndexes));
            pm.put("calls", calls(p.calls()));
            participants.add(new JsonObject(pm));
        }
        m.put("participants", new JsonArray(participants));
        return new JsonObject(m);
    }

    private static String statusName(HopReport.Status s) {
        return switch (s) {
            case VERIFIED -> "verified";
            case FAILED -> "failed";
            case NOT_CHECKED -> "not_checked";
        };
    }

    private static JsonValue failure(Failure f) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("hop", JsonValue.of(f.hop()));
        m.put("peer", new JsonString(f.peer()));
        m.put("round", JsonValue.of(f.round()));
        m.put("check", new JsonString(f.check().name()));
        m.put("instruction", new JsonString(f.instruction()));
        m.put("reason", new JsonString(f.reason()));
        return new JsonObject(m);
    }

    private static JsonValue calls(List<CallSummary> calls) {
        List<JsonValue> out = new ArrayList<>();
        for (CallSummary c : calls) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("hop", JsonValue.of(c.hop()));
            m.put("call_id", JsonValue.of(c.callId()));
            m.put("service", new JsonString(c.service()));
            m.put("function", new JsonString(c.function()));
            m.put("arguments", new JsonString(c.arguments()));
            m.put("ret_code", JsonValue.of(c.retCode()));
            m.put("result", new JsonString(c.result()));
            out.add(new JsonObject(m));
        }
        return new JsonArray(out);
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        for (String s : values) {
            out.add(new JsonString(s));
        }
        return new JsonArray(out);
    }
}
