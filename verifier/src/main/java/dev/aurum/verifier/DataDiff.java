package dev.aurum.verifier;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares a hop's recorded data with the verifier's replay of it. The verifier does not have the
 * peer's secret key, so it replays with its own key: the replayed data then carries the replay key's
 * signature where the peer's belongs (or none: the Java engine's replays skip that signing). The
 * comparison removes that entry, takes the peer's entry from
 * the recorded data (checked separately by an audit run) and requires the decoded data to be equal.
 *
 * <p>Decoded, not byte, equality: avm.wasm writes its signature map in Rust HashMap order, which
 * depends on the keys, so the replay key changes the byte layout even where the content agrees
 * (seen with avm.wasm 0.62.0 on the fork-join scenario). Equal decoded data behave identically in
 * every later hop, which replays the recorded bytes.
 */
final class DataDiff {

    private DataDiff() {
    }

    /** Null if the data agree; otherwise what differs, in words. */
    static String difference(byte[] recorded, byte[] replayed, EncodedPublicKey replayKey, EncodedPublicKey peerKey) {
        if (recorded.length == 0 || replayed.length == 0) {
            return Arrays.equals(recorded, replayed) ? null
                    : "recorded data has " + recorded.length + " bytes, replayed data " + replayed.length;
        }
        DataEnvelope rec;
        DataEnvelope rep;
        InterpreterData recData;
        InterpreterData repData;
        try {
            rec = DataEnvelope.decode(recorded);
            recData = InterpreterDataRkyv.decode(rec.innerData());
        } catch (DecodeException e) {
            return "recorded data does not decode: " + e.getMessage();
        }
        try {
            rep = DataEnvelope.decode(replayed);
            repData = InterpreterDataRkyv.decode(rep.innerData());
        } catch (DecodeException e) {
            return "replayed data does not decode: " + e.getMessage();
        }
        if (!rec.version().equals(rep.version()) || !rec.interpreterVersion().equals(rep.interpreterVersion())) {
            return "versions differ: recorded " + rec.version() + "/" + rec.interpreterVersion() + ", replayed "
                    + rep.version() + "/" + rep.interpreterVersion();
        }
        TreeMap<EncodedPublicKey, EncodedSignature> sigs = new TreeMap<>(repData.signatures().signatures());
        sigs.remove(replayKey);
        EncodedSignature peerSig = recData.signatures().signatures().get(peerKey);
        if (peerSig == null) {
            sigs.remove(peerKey);
        } else {
            sigs.put(peerKey, peerSig);
        }
        InterpreterData patched = new InterpreterData(repData.trace(), repData.lastCallRequestId(), repData.cidInfo(),
                new SignatureStore(sigs));
        String modelDiff = modelDifference(recData, patched);
        if (modelDiff != null) {
            return modelDiff;
        }
        return null;
    }

    private static String modelDifference(InterpreterData rec, InterpreterData rep) {
        int n = Math.min(rec.trace().size(), rep.trace().size());
        for (int i = 0; i < n; i++) {
            if (!rec.trace().get(i).equals(rep.trace().get(i))) {
                return "trace state " + i + " differs: recorded " + rec.trace().get(i) + ", replayed " + rep.trace().get(i);
            }
        }
        if (rec.trace().size() != rep.trace().size()) {
            return "recorded trace has " + rec.trace().size() + " states, replayed " + rep.trace().size();
        }
        if (rec.lastCallRequestId() != rep.lastCallRequestId()) {
            return "last call request id differs: recorded " + rec.lastCallRequestId() + ", replayed "
                    + rep.lastCallRequestId();
        }
        CidInfo a = rec.cidInfo();
        CidInfo b = rep.cidInfo();
        String d = storeDifference("value_store", a.valueStore(), b.valueStore());
        if (d == null) {
            d = storeDifference("tetraplet_store", a.tetrapletStore(), b.tetrapletStore());
        }
        if (d == null) {
            d = storeDifference("canon_element_store", a.canonElementStore(), b.canonElementStore());
        }
        if (d == null) {
            d = storeDifference("canon_result_store", a.canonResultStore(), b.canonResultStore());
        }
        if (d == null) {
            d = storeDifference("service_result_store", a.serviceResultStore(), b.serviceResultStore());
        }
        if (d == null && !rec.signatures().equals(rep.signatures())) {
            d = "signature stores differ: recorded signers " + rec.signatures().signatures().keySet()
                    + ", replayed " + rep.signatures().signatures().keySet();
        }
        return d;
    }

    private static <V> String storeDifference(String name, Map<String, V> rec, Map<String, V> rep) {
        for (Map.Entry<String, V> e : rec.entrySet()) {
            V other = rep.get(e.getKey());
            if (other == null) {
                return name + " holds " + e.getKey() + " which the replay did not produce";
            }
            if (!Objects.equals(other, e.getValue())) {
                return name + " entry " + e.getKey() + " differs from the replay";
            }
        }
        for (String key : rep.keySet()) {
            if (!rec.containsKey(key)) {
                return name + " lacks " + key + " which the replay produced";
            }
        }
        return null;
    }
}
