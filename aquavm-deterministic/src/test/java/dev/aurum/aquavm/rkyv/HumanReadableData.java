package dev.aurum.aquavm.rkyv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonCidAggregate;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.Sender;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.ValueRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Test-only: builds the model from avm.wasm's {@code to_human_readable_data} JSON ({@code data}
 * part), strictly (every key must be known, every shape exact), so the model decoded from rkyv can
 * be compared with what the real engine says the data is.
 */
final class HumanReadableData {

    private HumanReadableData() {
    }

    static InterpreterData toModel(JsonNode data) {
        keys(data, "cid_info", "lcid", "signatures", "trace");
        List<ExecutedState> trace = new ArrayList<>();
        for (JsonNode s : data.get("trace")) {
            trace.add(state(s));
        }
        JsonNode c = data.get("cid_info");
        keys(c, "canon_element_store", "canon_result_store", "service_result_store", "tetraplet_store", "value_store");
        CidInfo cidInfo = new CidInfo(
                map(c.get("value_store"), JsonNode::textValue),
                map(c.get("tetraplet_store"), t -> {
                    keys(t, "function_name", "lens", "peer_pk", "service_id");
                    return new SecurityTetraplet(t.get("peer_pk").textValue(), t.get("service_id").textValue(),
                            t.get("function_name").textValue(), t.get("lens").textValue());
                }),
                map(c.get("canon_element_store"), e -> {
                    keys(e, "provenance", "tetraplet", "value");
                    return new CanonCidAggregate(e.get("value").textValue(), e.get("tetraplet").textValue(),
                            provenance(e.get("provenance")));
                }),
                map(c.get("canon_result_store"), r -> {
                    keys(r, "tetraplet", "values");
                    List<String> values = new ArrayList<>();
                    r.get("values").forEach(v -> values.add(v.textValue()));
                    return new CanonResultCidAggregate(r.get("tetraplet").textValue(), values);
                }),
                map(c.get("service_result_store"), r -> {
                    keys(r, "argument_hash", "tetraplet_cid", "value_cid");
                    return new ServiceResultCidAggregate(r.get("value_cid").textValue(),
                            r.get("argument_hash").textValue(), r.get("tetraplet_cid").textValue());
                }));
        TreeMap<EncodedPublicKey, EncodedSignature> sigs = new TreeMap<>();
        data.get("signatures").fields().forEachRemaining(e -> sigs.put(
                EncodedPublicKey.of(base58(e.getKey())), EncodedSignature.of(base58(e.getValue().textValue()))));
        return new InterpreterData(trace, data.get("lcid").longValue(), cidInfo, new SignatureStore(sigs));
    }

    private static ExecutedState state(JsonNode s) {
        String kind = single(s);
        JsonNode v = s.get(kind);
        switch (kind) {
            case "par":
                return new ExecutedState.Par(v.get(0).longValue(), v.get(1).longValue());
            case "call": {
                String k = single(v);
                JsonNode x = v.get(k);
                switch (k) {
                    case "executed": {
                        String r = single(x);
                        JsonNode y = x.get(r);
                        switch (r) {
                            case "scalar":
                                return call(new CallResult.Executed(new ValueRef.Scalar(y.textValue())));
                            case "unused":
                                return call(new CallResult.Executed(new ValueRef.Unused(y.textValue())));
                            case "stream":
                                keys(y, "cid", "generation");
                                return call(new CallResult.Executed(new ValueRef.Stream(y.get("cid").textValue(),
                                        y.get("generation").longValue())));
                            default:
                                throw new IllegalArgumentException("value ref " + r);
                        }
                    }
                    case "sent_by": {
                        String r = single(x);
                        JsonNode y = x.get(r);
                        if (r.equals("PeerId")) {
                            return call(new CallResult.RequestSentBy(new Sender.PeerId(y.textValue())));
                        }
                        keys(y, "call_id", "peer_id");
                        return call(new CallResult.RequestSentBy(
                                new Sender.PeerIdWithCallId(y.get("peer_id").textValue(), y.get("call_id").longValue())));
                    }
                    case "failed":
                        return call(new CallResult.Failed(x.textValue()));
                    default:
                        throw new IllegalArgumentException("call " + k);
                }
            }
            case "fold": {
                keys(v, "lore");
                List<FoldSubTraceLore> lore = new ArrayList<>();
                for (JsonNode l : v.get("lore")) {
                    keys(l, "desc", "pos");
                    List<SubTraceDesc> desc = new ArrayList<>();
                    for (JsonNode d : l.get("desc")) {
                        keys(d, "len", "pos");
                        desc.add(new SubTraceDesc(d.get("pos").longValue(), d.get("len").longValue()));
                    }
                    lore.add(new FoldSubTraceLore(l.get("pos").longValue(), desc));
                }
                return new ExecutedState.Fold(lore);
            }
            case "ap": {
                keys(v, "gens");
                List<Long> gens = new ArrayList<>();
                v.get("gens").forEach(g -> gens.add(g.longValue()));
                return new ExecutedState.Ap(gens);
            }
            case "canon": {
                String k = single(v);
                return new ExecutedState.Canon(k.equals("sent_by") ? new CanonResult.RequestSentBy(v.get(k).textValue())
                        : new CanonResult.Executed(v.get("executed").textValue()));
            }
            default:
                throw new IllegalArgumentException("state " + kind);
        }
    }

    private static ExecutedState call(CallResult r) {
        return new ExecutedState.Call(r);
    }

    private static Provenance provenance(JsonNode p) {
        String type = p.get("type").textValue();
        switch (type) {
            case "literal":
                keys(p, "type");
                return Provenance.LITERAL;
            case "service_result":
                keys(p, "cid", "type");
                return new Provenance.ServiceResult(p.get("cid").textValue());
            case "canon":
                keys(p, "cid", "type");
                return new Provenance.Canon(p.get("cid").textValue());
            default:
                throw new IllegalArgumentException("provenance " + type);
        }
    }

    private static <T> Map<String, T> map(JsonNode obj, Function<JsonNode, T> value) {
        TreeMap<String, T> out = new TreeMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), value.apply(e.getValue())));
        return out;
    }

    private static String single(JsonNode obj) {
        Iterator<String> names = obj.fieldNames();
        String name = names.next();
        if (names.hasNext()) {
            throw new IllegalArgumentException("expected one key in " + obj);
        }
        return name;
    }

    private static void keys(JsonNode obj, String... expected) {
        List<String> names = new ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        if (!names.equals(List.of(expected))) {
            throw new IllegalArgumentException("keys " + names + " != " + List.of(expected));
        }
    }

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static byte[] base58(String s) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (char ch : s.toCharArray()) {
            int d = B58.indexOf(ch);
            if (d < 0) {
                throw new IllegalArgumentException("not base58: " + s);
            }
            if (leading && d == 0) {
                zeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] mag = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = mag.length > 0 && mag[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + mag.length - skip];
        System.arraycopy(mag, skip, out, zeros, mag.length - skip);
        return out;
    }
}
