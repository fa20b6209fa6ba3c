package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.CanonCidAggregate;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five CID stores during a run: the union of prev and current stores plus everything this run
 * creates. Nothing is ever removed. Output maps are sorted; the parse cache is lookup-only.
 */
final class CidState {

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, SecurityTetraplet> tetraplets = new TreeMap<>();
    private final Map<String, CanonCidAggregate> canonElements = new TreeMap<>();
    private final Map<String, CanonResultCidAggregate> canonResults = new TreeMap<>();
    private final Map<String, ServiceResultCidAggregate> serviceResults = new TreeMap<>();
    private final Map<String, JsonValue> parsed = new HashMap<>();
    // CIDs of tetraplets are recomputed often; the cache is lookup-only
    private final Map<SecurityTetraplet, String> tetrapletCids = new HashMap<>();

    CidState(CidInfo prev, CidInfo current) {
        for (CidInfo info : new CidInfo[] {prev, current}) {
            values.putAll(info.valueStore());
            tetraplets.putAll(info.tetrapletStore());
            canonElements.putAll(info.canonElementStore());
            canonResults.putAll(info.canonResultStore());
            serviceResults.putAll(info.serviceResultStore());
        }
    }

    CidInfo toCidInfo() {
        return new CidInfo(values, tetraplets, canonElements, canonResults, serviceResults);
    }

    // ---- tracking new values ----------------------------------------------------------------------

    String trackValue(JsonValue value) {
        String text = JsonWriter.toCompactString(value);
        String cid = Cids.ofText(text);
        values.putIfAbsent(cid, text);
        parsed.putIfAbsent(cid, value);
        return cid;
    }

    String trackTetraplet(SecurityTetraplet t) {
        String cid = tetrapletCid(t);
        tetraplets.putIfAbsent(cid, t);
        return cid;
    }

    static String tetrapletCidOf(SecurityTetraplet t) {
        return Cids.ofBytes(Cids.struct("peer_pk", t.peerPk(), "service_id", t.serviceId(),
                "function_name", t.functionName(), "lens", t.lens()));
    }

    private String tetrapletCid(SecurityTetraplet t) {
        return tetrapletCids.computeIfAbsent(t, CidState::tetrapletCidOf);
    }

    String trackServiceResult(JsonValue value, SecurityTetraplet tetraplet, String argumentHash) {
        String valueCid = trackValue(value);
        String tetrapletCid = trackTetraplet(tetraplet);
        ServiceResultCidAggregate agg = new ServiceResultCidAggregate(valueCid, argumentHash, tetrapletCid);
        String cid = Cids.ofBytes(Cids.struct("value_cid", valueCid, "argument_hash", argumentHash,
                "tetraplet_cid", tetrapletCid));
        serviceResults.putIfAbsent(cid, agg);
        return cid;
    }

    String trackCanonElement(ValueAggregate v) {
        String valueCid = trackValue(v.result());
        String tetrapletCid = trackTetraplet(v.tetraplet());
        CanonCidAggregate agg = new CanonCidAggregate(valueCid, tetrapletCid, v.provenance());
        String cid = Cids.ofBytes(canonElementJson(agg));
        canonElements.putIfAbsent(cid, agg);
        return cid;
    }

    String trackCanonResult(SecurityTetraplet tetraplet, List<String> elementCids) {
        String tetrapletCid = trackTetraplet(tetraplet);
        CanonResultCidAggregate agg = new CanonResultCidAggregate(tetrapletCid, elementCids);
        String cid = Cids.ofBytes(Verifier.canonResultJson(agg));
        canonResults.putIfAbsent(cid, agg);
        return cid;
    }

    static byte[] canonElementJson(CanonCidAggregate agg) {
        JsonWriter w = JsonWriter.compactWriter().beginObject()
                .name("value").value(agg.valueCid())
                .name("tetraplet").value(agg.tetrapletCid())
                .name("provenance").beginObject();
        Provenance p = agg.provenance();
        if (p instanceof Provenance.ServiceResult s) {
            w.name("type").value("service_result").name("cid").value(s.cid());
        } else if (p instanceof Provenance.Canon c) {
            w.name("type").value("canon").name("cid").value(c.cid());
        } else {
            w.name("type").value("literal");
        }
        return w.endObject().endObject().toByteArray();
    }

    // ---- lookups ----------------------------------------------------------------------------------

    JsonValue value(String cid) throws ExecutionError {
        JsonValue cached = parsed.get(cid);
        if (cached != null) {
            return cached;
        }
        String text = values.get(cid);
        if (text == null) {
            throw notFound("value", cid);
        }
        try {
            JsonValue v = JsonParser.parse(text);
            parsed.put(cid, v);
            return v;
        } catch (DecodeException e) {
            // AquaVM stores the text as given; a store entry that is not JSON only fails when read
            throw ExecutionError.uncatchable(ErrorKind.CID_ERROR, "failed to calculate value's CID");
        }
    }

    SecurityTetraplet tetraplet(String cid) throws ExecutionError {
        SecurityTetraplet t = tetraplets.get(cid);
        if (t == null) {
            throw notFound("tetraplet", cid);
        }
        return t;
    }

    ServiceResultCidAggregate serviceResult(String cid) throws ExecutionError {
        ServiceResultCidAggregate a = serviceResults.get(cid);
        if (a == null) {
            throw notFound("service result aggregate", cid);
        }
        return a;
    }

    CanonResultCidAggregate canonResult(String cid) throws ExecutionError {
        CanonResultCidAggregate a = canonResults.get(cid);
        if (a == null) {
            throw notFound("canon result aggregate", cid);
        }
        return a;
    }

    /** A canon element as a value; its trace position is meaningless (0), as in AquaVM. */
    ValueAggregate canonElement(String cid) throws ExecutionError {
        CanonCidAggregate a = canonElements.get(cid);
        if (a == null) {
            throw notFound("canon aggregate", cid);
        }
        return ValueAggregate.of(value(a.valueCid()), tetraplet(a.tetrapletCid()), 0, a.provenance());
    }

    private static ExecutionError notFound(String what, String cid) {
        return ExecutionError.uncatchable(ErrorKind.VALUE_FOR_CID_NOT_FOUND,
                what + " for CID \"" + cid + "\" not found");
    }
}
