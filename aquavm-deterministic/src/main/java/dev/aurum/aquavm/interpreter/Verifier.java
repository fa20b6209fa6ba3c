package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.cid.CidMismatchException;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.Base58;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonCidAggregate;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.data.ValueRef;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.json.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verification step: the current data's CID stores must hash correctly and reference each other;
 * every CID a peer owns in a trace must be covered by that peer's key; current signatures must verify;
 * and per peer, prev and current CID multisets must be ordered by inclusion. Prev data is trusted.
 */
final class Verifier {

    private Verifier() {
    }

    /** Verifies and returns the merged signature store (AquaVM's {@code verify}). */
    static SignatureStore verify(InterpreterData prev, EngineMemo.Decoded decodedCurrent, String salt, EngineMemo memo)
            throws PreparationError {
        InterpreterData current = decodedCurrent.data();
        if (!memo.cidsVerified(decodedCurrent)) {
            verifyCidInfo(current.cidInfo(), memo);
            memo.markCidsVerified(decodedCurrent);
        }
        Map<String, PeerInfo> prevPeers = group(prev, memo);
        Map<String, PeerInfo> currentPeers = group(current, memo);
        for (Map.Entry<String, PeerInfo> e : currentPeers.entrySet()) {
            PeerInfo info = e.getValue();
            if (!memo.verify(info.key, info.signature, DataSignatureMessage.of(info.cids, salt))) {
                // the Debug text of fluence-keypair's error for a well-formed signature that does not verify
                throw signatureError("signature mismatch for \"" + e.getKey() + "\": Verification(Ed25519("
                        + "signature::Error { source: Some(Verification equation was not satisfied) }, \""
                        + Base58.encode(info.signature.toRawBytes()) + "\", \"" + Base58.encode(info.key.toRawBytes())
                        + "\")), values: CIDS: " + quoted(info.cids));
            }
        }
        Map<String, PeerInfo> merged = new TreeMap<>(prevPeers);
        for (Map.Entry<String, PeerInfo> e : currentPeers.entrySet()) {
            PeerInfo ours = merged.get(e.getKey());
            if (ours == null) {
                merged.put(e.getKey(), e.getValue());
                continue;
            }
            PeerInfo larger = ours;
            PeerInfo smaller = e.getValue();
            if (ours.cids.size() < smaller.cids.size()) {
                larger = smaller;
                smaller = ours;
                merged.put(e.getKey(), larger);
            }
            if (!isSubMultiset(smaller.cids, larger.cids)) {
                throw signatureError("inconsistent CID multisets on merge for peer \"" + e.getKey() + "\", prev: "
                        + quoted(larger.cids) + ", current: " + quoted(smaller.cids));
            }
        }
        Map<EncodedPublicKey, EncodedSignature> store = new TreeMap<>();
        for (PeerInfo info : merged.values()) {
            store.put(info.encodedKey, info.encodedSignature);
        }
        return new SignatureStore(store);
    }

    private static final class PeerInfo {
        final EncodedPublicKey encodedKey;
        final EncodedSignature encodedSignature;
        final PublicKey key;
        final Signature signature;
        final List<String> cids = new ArrayList<>();

        PeerInfo(EncodedPublicKey encodedKey, EncodedSignature encodedSignature, PublicKey key,
                 Signature signature) {
            this.encodedKey = encodedKey;
            this.encodedSignature = encodedSignature;
            this.key = key;
            this.signature = signature;
        }
    }

    private static Map<String, PeerInfo> group(InterpreterData data, EngineMemo memo) throws PreparationError {
        Map<String, PeerInfo> peers = new TreeMap<>();
        for (Map.Entry<EncodedPublicKey, EncodedSignature> e : data.signatures().signatures().entrySet()) {
            PublicKey key;
            try {
                key = memo.publicKey(e.getKey().bytes());
            } catch (DecodeException ex) {
                throw signatureError("malformed key: \"" + e.getKey() + "\": " + ex.getMessage());
            }
            Signature sig;
            try {
                sig = Signature.fromFluenceBytes(e.getValue().bytes());
            } catch (DecodeException ex) {
                throw signatureError(ex.getMessage());
            }
            peers.put(key.peerId().toString(), new PeerInfo(e.getKey(), e.getValue(), key, sig));
        }
        CidInfo info = data.cidInfo();
        for (ExecutedState state : data.trace()) {
            String cid = null;
            String tetrapletCid = null;
            if (state instanceof ExecutedState.Call c) {
                cid = ownedCid(c.result());
                if (cid != null) {
                    ServiceResultCidAggregate agg = info.serviceResultStore().get(cid);
                    tetrapletCid = agg == null ? null : agg.tetrapletCid();
                }
            } else if (state instanceof ExecutedState.Canon c && c.result() instanceof CanonResult.Executed e) {
                cid = e.canonResultCid();
                CanonResultCidAggregate agg = info.canonResultStore().get(cid);
                tetrapletCid = agg == null ? null : agg.tetrapletCid();
            }
            if (cid == null) {
                continue;
            }
            SecurityTetraplet t = tetrapletCid == null ? null : info.tetrapletStore().get(tetrapletCid);
            if (t == null) {
                // AquaVM expects a verified store here and traps; we report the data as malformed
                throw new PreparationError(ErrorKind.CID_STORE_VERIFICATION_ERROR,
                        "trace state refers to CID " + cid + " that the data's CID stores cannot resolve");
            }
            PeerInfo peer = peers.get(t.peerPk());
            if (peer == null) {
                throw signatureError("peer_id doens't match any available public key: \"" + t.peerPk() + "\"");
            }
            peer.cids.add(cid);
        }
        for (PeerInfo p : peers.values()) {
            p.cids.sort(dev.aurum.aquavm.data.CanonicalOrder.STRINGS);
        }
        return peers;
    }

    private static String ownedCid(CallResult r) {
        if (r instanceof CallResult.Failed f) {
            return f.serviceResultCid();
        }
        if (r instanceof CallResult.Executed e) {
            if (e.value() instanceof ValueRef.Scalar s) {
                return s.serviceResultCid();
            }
            if (e.value() instanceof ValueRef.Stream s) {
                return s.serviceResultCid();
            }
        }
        return null;
    }

    private static boolean isSubMultiset(List<String> smaller, List<String> larger) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String c : larger) {
            Integer n = counts.get(c);
            counts.put(c, n == null ? 1 : n + 1); // Integer::sum is missing from TeaVM 0.13.1
        }
        for (String c : smaller) {
            Integer n = counts.get(c);
            if (n == null || n == 0) {
                return false;
            }
            counts.put(c, n - 1);
        }
        return true;
    }

    private static String quoted(List<String> cids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cids.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(cids.get(i)).append('"');
        }
        return sb.append(']').toString();
    }

    private static PreparationError signatureError(String message) {
        return new PreparationError(ErrorKind.DATA_SIGNATURE_CHECK_ERROR, message);
    }

    // ---- CID stores -------------------------------------------------------------------------------

    // Rust type names as AquaVM prints them in store verification errors
    private static final String RAW_VALUE = "air_interpreter_data::raw_value::RawValue";
    private static final String TETRAPLET = "marine_call_parameters::SecurityTetraplet";
    private static final String SERVICE_RESULT = "air_interpreter_data::executed_state::ServiceResultCidAggregate";
    private static final String CANON_ELEMENT = "air_interpreter_data::executed_state::CanonCidAggregate";
    private static final String CANON_RESULT = "air_interpreter_data::executed_state::CanonResultCidAggregate";

    /** AquaVM's {@code CidInfo::verify}, in its order: hashes of each store, then references. */
    static void verifyCidInfo(CidInfo info, EngineMemo memo) throws PreparationError {
        for (Map.Entry<String, String> e : info.valueStore().entrySet()) {
            check(RAW_VALUE, e.getKey(), Utf8.encode(e.getValue()), memo);
        }
        for (Map.Entry<String, SecurityTetraplet> e : info.tetrapletStore().entrySet()) {
            SecurityTetraplet t = e.getValue();
            check(TETRAPLET, e.getKey(), Cids.struct("peer_pk", t.peerPk(), "service_id", t.serviceId(),
                    "function_name", t.functionName(), "lens", t.lens()), memo);
        }
        for (Map.Entry<String, CanonCidAggregate> e : info.canonElementStore().entrySet()) {
            check(CANON_ELEMENT, e.getKey(), CidState.canonElementJson(e.getValue()), memo);
        }
        for (Map.Entry<String, CanonResultCidAggregate> e : info.canonResultStore().entrySet()) {
            check(CANON_RESULT, e.getKey(), canonResultJson(e.getValue()), memo);
        }
        for (Map.Entry<String, CanonResultCidAggregate> e : info.canonResultStore().entrySet()) {
            for (String element : e.getValue().valueCids()) {
                reference(info.canonElementStore(), CANON_RESULT, CANON_ELEMENT, element);
            }
            reference(info.tetrapletStore(), CANON_RESULT, TETRAPLET, e.getValue().tetrapletCid());
        }
        for (Map.Entry<String, CanonCidAggregate> e : info.canonElementStore().entrySet()) {
            CanonCidAggregate a = e.getValue();
            reference(info.tetrapletStore(), CANON_ELEMENT, TETRAPLET, a.tetrapletCid());
            reference(info.valueStore(), CANON_ELEMENT, RAW_VALUE, a.valueCid());
            if (a.provenance() instanceof Provenance.ServiceResult s) {
                reference(info.serviceResultStore(), CANON_ELEMENT, SERVICE_RESULT, s.cid());
            } else if (a.provenance() instanceof Provenance.Canon c) {
                reference(info.canonResultStore(), CANON_ELEMENT, CANON_RESULT, c.cid());
            }
        }
        for (Map.Entry<String, ServiceResultCidAggregate> e : info.serviceResultStore().entrySet()) {
            ServiceResultCidAggregate a = e.getValue();
            check(SERVICE_RESULT, e.getKey(), Cids.struct("value_cid", a.valueCid(), "argument_hash",
                    a.argumentHash(), "tetraplet_cid", a.tetrapletCid()), memo);
        }
        for (Map.Entry<String, ServiceResultCidAggregate> e : info.serviceResultStore().entrySet()) {
            reference(info.tetrapletStore(), SERVICE_RESULT, TETRAPLET, e.getValue().tetrapletCid());
            reference(info.valueStore(), SERVICE_RESULT, RAW_VALUE, e.getValue().valueCid());
        }
    }

    static byte[] canonResultJson(CanonResultCidAggregate agg) {
        JsonWriter w = JsonWriter.compactWriter().beginObject().name("tetraplet").value(agg.tetrapletCid())
                .name("values").beginArray();
        for (String cid : agg.valueCids()) {
            w.value(cid);
        }
        return w.endArray().endObject().toByteArray();
    }

    private static void check(String typeName, String cid, byte[] content, EngineMemo memo) throws PreparationError {
        if (memo.cidVerified(cid, content)) {
            return;
        }
        try {
            Cid.verify(cid, content);
            memo.rememberVerifiedCid(cid, content);
        } catch (DecodeException e) {
            throw new PreparationError(ErrorKind.CID_STORE_VERIFICATION_ERROR, e.getMessage());
        } catch (CidMismatchException e) {
            throw new PreparationError(ErrorKind.CID_STORE_VERIFICATION_ERROR, "Value mismatch in the \""
                    + typeName + "\" store for CID \"" + cid + "\"");
        }
    }

    private static void reference(Map<String, ?> store, String sourceType, String targetType, String target)
            throws PreparationError {
        if (!store.containsKey(target)) {
            throw new PreparationError(ErrorKind.CID_STORE_VERIFICATION_ERROR, "Reference CID \"" + target
                    + "\" from type \"" + sourceType + "\" to \"" + targetType + "\" was not found");
        }
    }
}
