package dev.aurum.aquavm.data;

import dev.aurum.aquavm.crypto.Base58;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * AquaVM's JSON form of {@link InterpreterData} (its serde derive: snake_case names, {@code par} as a
 * pair, externally tagged enums, internally tagged provenance, base58 signatures), and the exact text
 * of avm.wasm's {@code to_human_readable_data}: pretty serde_json with keys sorted.
 */
public final class InterpreterDataJson {

    private InterpreterDataJson() {
    }

    /**
     * The text {@code to_human_readable_data} returns for an envelope with these versions and data:
     * {@code {"data": ..., "versions": {"interpreter_version": ..., "version": ...}}}, pretty-printed.
     */
    public static String humanReadable(String dataVersion, String interpreterVersion, InterpreterData data) {
        JsonObject versions = object("interpreter_version", JsonValue.of(interpreterVersion), "version", JsonValue.of(dataVersion));
        return JsonWriter.toPrettyString(object("data", toJson(data), "versions", versions));
    }

    /** InterpreterData as serde_json writes it ({@code trace}, {@code lcid}, {@code cid_info}, {@code signatures}). */
    public static JsonObject toJson(InterpreterData data) {
        List<JsonValue> trace = new ArrayList<>();
        for (ExecutedState s : data.trace()) {
            trace.add(state(s));
        }
        CidInfo c = data.cidInfo();
        JsonObject cidInfo = object(
                "value_store", store(c.valueStore(), JsonValue::of),
                "tetraplet_store", store(c.tetrapletStore(), t -> object(
                        "peer_pk", JsonValue.of(t.peerPk()), "service_id", JsonValue.of(t.serviceId()),
                        "function_name", JsonValue.of(t.functionName()), "lens", JsonValue.of(t.lens()))),
                "canon_element_store", store(c.canonElementStore(), e -> object(
                        "value", JsonValue.of(e.valueCid()), "tetraplet", JsonValue.of(e.tetrapletCid()),
                        "provenance", provenance(e.provenance()))),
                "canon_result_store", store(c.canonResultStore(), r -> object(
                        "tetraplet", JsonValue.of(r.tetrapletCid()), "values", strings(r.valueCids()))),
                "service_result_store", store(c.serviceResultStore(), r -> object(
                        "value_cid", JsonValue.of(r.valueCid()), "argument_hash", JsonValue.of(r.argumentHash()),
                        "tetraplet_cid", JsonValue.of(r.tetrapletCid()))));
        Map<String, JsonValue> signatures = new LinkedHashMap<>();
        for (Map.Entry<EncodedPublicKey, EncodedSignature> e : data.signatures().signatures().entrySet()) {
            signatures.put(Base58.encode(e.getKey().bytes()), JsonValue.of(Base58.encode(e.getValue().bytes())));
        }
        return object("trace", JsonValue.array(trace), "lcid", JsonValue.of(data.lastCallRequestId()),
                "cid_info", cidInfo, "signatures", new JsonObject(signatures));
    }

    private static JsonValue state(ExecutedState state) {
        if (state instanceof ExecutedState.Par p) {
            return object("par", JsonValue.array(JsonValue.of(p.leftSize()), JsonValue.of(p.rightSize())));
        } else if (state instanceof ExecutedState.Call call) {
            return object("call", callResult(call.result()));
        } else if (state instanceof ExecutedState.Fold fold) {
            List<JsonValue> lore = new ArrayList<>();
            for (FoldSubTraceLore l : fold.lore()) {
                List<JsonValue> desc = new ArrayList<>();
                for (SubTraceDesc d : l.subtracesDesc()) {
                    desc.add(object("pos", JsonValue.of(d.beginPos()), "len", JsonValue.of(d.subtraceLen())));
                }
                lore.add(object("pos", JsonValue.of(l.valuePos()), "desc", JsonValue.array(desc)));
            }
            return object("fold", object("lore", JsonValue.array(lore)));
        } else if (state instanceof ExecutedState.Ap ap) {
            List<JsonValue> gens = new ArrayList<>();
            for (Long g : ap.resGenerations()) {
                gens.add(JsonValue.of(g));
            }
            return object("ap", object("gens", JsonValue.array(gens)));
        } else {
            CanonResult r = ((ExecutedState.Canon) state).result();
            return object("canon", r instanceof CanonResult.RequestSentBy s
                    ? object("sent_by", JsonValue.of(s.peerId()))
                    : object("executed", JsonValue.of(((CanonResult.Executed) r).canonResultCid())));
        }
    }

    private static JsonValue callResult(CallResult r) {
        if (r instanceof CallResult.RequestSentBy sent) {
            JsonValue sender = sent.sender() instanceof Sender.PeerIdWithCallId w
                    ? object("PeerIdWithCallId", object("peer_id", JsonValue.of(w.peerId()), "call_id", JsonValue.of(w.callId())))
                    : object("PeerId", JsonValue.of(((Sender.PeerId) sent.sender()).peerId()));
            return object("sent_by", sender);
        } else if (r instanceof CallResult.Executed executed) {
            ValueRef v = executed.value();
            JsonValue value = v instanceof ValueRef.Scalar s ? object("scalar", JsonValue.of(s.serviceResultCid()))
                    : v instanceof ValueRef.Stream st ? object("stream", object(
                            "cid", JsonValue.of(st.serviceResultCid()), "generation", JsonValue.of(st.generation())))
                    : object("unused", JsonValue.of(((ValueRef.Unused) v).valueCid()));
            return object("executed", value);
        } else {
            return object("failed", JsonValue.of(((CallResult.Failed) r).serviceResultCid()));
        }
    }

    private static JsonValue provenance(Provenance p) {
        if (p instanceof Provenance.ServiceResult s) {
            return object("type", JsonValue.of("service_result"), "cid", JsonValue.of(s.cid()));
        } else if (p instanceof Provenance.Canon c) {
            return object("type", JsonValue.of("canon"), "cid", JsonValue.of(c.cid()));
        }
        return object("type", JsonValue.of("literal"));
    }

    private static <T> JsonObject store(Map<String, T> store, Function<T, JsonValue> value) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (Map.Entry<String, T> e : store.entrySet()) {
            members.put(e.getKey(), value.apply(e.getValue()));
        }
        return new JsonObject(members);
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        for (String v : values) {
            out.add(JsonValue.of(v));
        }
        return JsonValue.array(out);
    }

    /** An object from key/value pairs (JsonObject sorts the keys, as serde_json's Value does). */
    private static JsonObject object(Object... keyValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            members.put((String) keyValues[i], (JsonValue) keyValues[i + 1]);
        }
        return new JsonObject(members);
    }
}
