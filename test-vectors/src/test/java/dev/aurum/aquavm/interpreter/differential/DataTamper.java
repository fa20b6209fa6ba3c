package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonicalOrder;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.data.ValueRef;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Attacks on the data handed to the next peer. Each kind decodes the sender's data, changes one thing and
 * re-encodes it with our canonical writer, so both engines' runs hand the receiver identical bytes.
 */
final class DataTamper {

    enum Kind {
        /** Not an envelope at all. */
        GARBAGE("garbage"),
        /** A readable envelope from interpreter 0.60.0 (older than 0.62.0 accepts). */
        OLD_INTERPRETER("old_interpreter"),
        /** A good envelope around bytes that are not an rkyv archive. */
        INNER_GARBAGE("inner_garbage"),
        /** The first value-store text replaced: its CID no longer matches. */
        VALUE_TEXT("value_text"),
        /** The first tetraplet's function name changed: its CID no longer matches. */
        TETRAPLET("tetraplet"),
        /** All signatures removed: the signers' CIDs belong to no key. */
        DROP_SIGNATURES("drop_signatures"),
        /** The last byte of every signature flipped. */
        CORRUPT_SIGNATURES("corrupt_signatures"),
        /** Every signature re-filed under mallory's key. */
        FOREIGN_KEY("foreign_key"),
        /** The last trace state removed (stores and signatures kept). */
        TRUNCATE_TRACE("truncate_trace"),
        /** The whole trace removed (stores and signatures kept). */
        EMPTY_TRACE("empty_trace"),
        /** A {@code Par(0, 0)} appended to the trace. */
        EXTRA_PAR("extra_par"),
        /** The first call state's value reference pointed at another service result of the store. */
        SWAP_CALL_RESULT("swap_call_result"),
        /** An executed call state turned into a request-sent-by state of the init peer. */
        UNEXECUTE_CALL("unexecute_call"),
        /** last_call_request_id set to 0. */
        RESET_LCID("reset_lcid"),
        /** An envelope whose versions are readable but whose inner data is a msgpack integer. */
        INNER_NOT_BINARY("inner_not_binary"),
        /** The first {@code Par} state claims 1000 more states on its left than the trace holds. */
        PAR_OVERSIZE("par_oversize"),
        /** The first scalar call result re-filed as a stream value of generation 0 (same CID). */
        SCALAR_TO_STREAM("scalar_to_stream"),
        /** The first stream call result re-filed as a scalar (same CID). */
        STREAM_TO_SCALAR("stream_to_scalar"),
        /** The first stream call result moved three generations up (same CID). */
        STREAM_GENERATION("stream_generation"),
        /** The first {@code Ap} state's generations moved five up. */
        AP_GENERATION("ap_generation"),
        /** The first {@code Fold} state replaced by {@code Par(0, 0)}. */
        FOLD_TO_PAR("fold_to_par"),
        /** The service-result store emptied while the trace still refers to it (avm.wasm traps). */
        DROP_SERVICE_RESULTS("drop_service_results"),
        /** The first two call states with a result swapped: every signer's CID multiset is unchanged. */
        SWAP_CALLS("swap_calls"),
        /** The first scalar call result re-filed as a failed call (same CID, so the signatures still hold). */
        SCALAR_TO_FAILED("scalar_to_failed"),
        /** The first two executed canon states swapped (signatures still hold). */
        SWAP_CANONS("swap_canons"),
        /** The value store emptied: service results still name their value CIDs (signatures still hold). */
        DROP_VALUES("drop_values"),
        /** The canon element store emptied: canon results still name their element CIDs. */
        DROP_CANON_ELEMENTS("drop_canon_elements"),
        /**
         * The first scalar call result's value replaced by text that is not JSON, every CID on the way
         * recomputed and each signer's signature renewed with its own key: a peer forging its own results.
         */
        NON_JSON_VALUE("non_json_value");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        static Kind byName(String name) {
            for (Kind k : values()) {
                if (k.text.equals(name)) {
                    return k;
                }
            }
            return null;
        }

        static List<String> names() {
            List<String> out = new ArrayList<>();
            for (Kind k : values()) {
                out.add(k.text);
            }
            return out;
        }
    }

    private static final byte[] MALLORY_KEY = KeyPair.forTestName("mallory").publicKey().toFluenceBytes();

    private DataTamper() {
    }

    /**
     * The changed copy of {@code envelope}; {@code peers} are the network's peer names, whose keys
     * ({@link KeyPair#forTestName}) re-sign data where the kind says so.
     */
    static byte[] apply(Kind kind, byte[] envelope, List<String> peers) {
        if (kind == Kind.GARBAGE) {
            return new byte[] {1, 2, 3};
        }
        DataEnvelope env;
        InterpreterData d;
        try {
            env = DataEnvelope.decode(envelope);
            d = InterpreterDataRkyv.decode(env.innerData());
        } catch (DecodeException e) {
            throw new IllegalStateException("the sender's data does not decode: " + e.getMessage(), e);
        }
        if (kind == Kind.OLD_INTERPRETER) {
            return new DataEnvelope(env.version(), "0.60.0", env.innerData()).encode();
        }
        if (kind == Kind.INNER_GARBAGE) {
            return new DataEnvelope(env.version(), env.interpreterVersion(), new byte[] {1, 2, 3}).encode();
        }
        if (kind == Kind.INNER_NOT_BINARY) {
            dev.aurum.aquavm.msgpack.MsgpackWriter w = new dev.aurum.aquavm.msgpack.MsgpackWriter();
            w.writeMapHeader(3);
            w.writeString("version").writeString(env.version());
            w.writeString("interpreter_version").writeString(env.interpreterVersion());
            w.writeString("inner_data").writeUnsigned(5);
            return w.toByteArray();
        }
        InterpreterData changed = kind == Kind.NON_JSON_VALUE ? resign(nonJsonValue(d), peers) : change(kind, d);
        return new DataEnvelope(env.version(), env.interpreterVersion(), InterpreterDataRkyv.encode(changed)).encode();
    }

    private static InterpreterData change(Kind kind, InterpreterData d) {
        CidInfo c = d.cidInfo();
        List<ExecutedState> trace = new ArrayList<>(d.trace());
        switch (kind) {
            case VALUE_TEXT: {
                Map<String, String> values = new TreeMap<>(c.valueStore());
                values.replaceAll((cid, text) -> cid.equals(first(values)) ? "\"tampered\"" : text);
                return with(d, d.trace(), new CidInfo(values, c.tetrapletStore(), c.canonElementStore(),
                        c.canonResultStore(), c.serviceResultStore()), d.signatures());
            }
            case TETRAPLET: {
                Map<String, SecurityTetraplet> tetraplets = new TreeMap<>(c.tetrapletStore());
                String cid = first(tetraplets);
                SecurityTetraplet t = tetraplets.get(cid);
                tetraplets.put(cid, new SecurityTetraplet(t.peerPk(), t.serviceId(), t.functionName() + "_evil", t.lens()));
                return with(d, d.trace(), new CidInfo(c.valueStore(), tetraplets, c.canonElementStore(),
                        c.canonResultStore(), c.serviceResultStore()), d.signatures());
            }
            case DROP_SIGNATURES:
                return with(d, d.trace(), c, SignatureStore.EMPTY);
            case CORRUPT_SIGNATURES: {
                Map<EncodedPublicKey, EncodedSignature> sigs = new LinkedHashMap<>();
                for (Map.Entry<EncodedPublicKey, EncodedSignature> e : d.signatures().signatures().entrySet()) {
                    byte[] b = e.getValue().bytes().clone();
                    b[b.length - 1] ^= 1;
                    sigs.put(e.getKey(), EncodedSignature.of(b));
                }
                return with(d, d.trace(), c, new SignatureStore(sigs));
            }
            case FOREIGN_KEY: {
                Map<EncodedPublicKey, EncodedSignature> sigs = new LinkedHashMap<>();
                for (EncodedSignature s : d.signatures().signatures().values()) {
                    sigs.put(EncodedPublicKey.of(MALLORY_KEY), s);
                }
                return with(d, d.trace(), c, new SignatureStore(sigs));
            }
            case TRUNCATE_TRACE:
                if (!trace.isEmpty()) {
                    trace.remove(trace.size() - 1);
                }
                return with(d, trace, c, d.signatures());
            case EMPTY_TRACE:
                return with(d, List.of(), c, d.signatures());
            case EXTRA_PAR:
                trace.add(new ExecutedState.Par(0, 0));
                return with(d, trace, c, d.signatures());
            case SWAP_CALL_RESULT: {
                String other = c.serviceResultStore().isEmpty() ? null
                        : new ArrayList<>(c.serviceResultStore().keySet()).get(c.serviceResultStore().size() - 1);
                for (int i = 0; i < trace.size() && other != null; i++) {
                    if (trace.get(i) instanceof ExecutedState.Call call
                            && call.result() instanceof CallResult.Executed ex
                            && ex.value() instanceof ValueRef.Scalar s && !s.serviceResultCid().equals(other)) {
                        trace.set(i, new ExecutedState.Call(new CallResult.Executed(new ValueRef.Scalar(other))));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            }
            case UNEXECUTE_CALL: {
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Call call && call.result() instanceof CallResult.Executed) {
                        String alice = KeyPair.forTestName("alice").peerId().toString();
                        trace.set(i, new ExecutedState.Call(new CallResult.RequestSentBy(
                                new dev.aurum.aquavm.data.Sender.PeerId(alice))));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            }
            case PAR_OVERSIZE:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Par par) {
                        trace.set(i, new ExecutedState.Par(par.leftSize() + 1000, par.rightSize()));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            case SCALAR_TO_STREAM:
            case STREAM_TO_SCALAR:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Call call && call.result() instanceof CallResult.Executed ex) {
                        ValueRef changedRef = null;
                        if (kind == Kind.SCALAR_TO_STREAM && ex.value() instanceof ValueRef.Scalar sc) {
                            changedRef = new ValueRef.Stream(sc.serviceResultCid(), 0);
                        } else if (kind == Kind.STREAM_TO_SCALAR && ex.value() instanceof ValueRef.Stream st) {
                            changedRef = new ValueRef.Scalar(st.serviceResultCid());
                        }
                        if (changedRef != null) {
                            trace.set(i, new ExecutedState.Call(new CallResult.Executed(changedRef)));
                            break;
                        }
                    }
                }
                return with(d, trace, c, d.signatures());
            case STREAM_GENERATION:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Call call && call.result() instanceof CallResult.Executed ex
                            && ex.value() instanceof ValueRef.Stream st) {
                        trace.set(i, new ExecutedState.Call(new CallResult.Executed(
                                new ValueRef.Stream(st.serviceResultCid(), st.generation() + 3))));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            case AP_GENERATION:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Ap ap) {
                        List<Long> moved = new ArrayList<>();
                        ap.resGenerations().forEach(g -> moved.add(g + 5));
                        trace.set(i, new ExecutedState.Ap(moved));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            case FOLD_TO_PAR:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Fold) {
                        trace.set(i, new ExecutedState.Par(0, 0));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            case RESET_LCID:
                return new InterpreterData(d.trace(), 0, c, d.signatures());
            case SWAP_CALLS:
                swapFirstTwo(trace, state -> state instanceof ExecutedState.Call call
                        && (call.result() instanceof CallResult.Executed || call.result() instanceof CallResult.Failed));
                return with(d, trace, c, d.signatures());
            case SCALAR_TO_FAILED:
                for (int i = 0; i < trace.size(); i++) {
                    if (trace.get(i) instanceof ExecutedState.Call call && call.result() instanceof CallResult.Executed ex
                            && ex.value() instanceof ValueRef.Scalar sc) {
                        trace.set(i, new ExecutedState.Call(new CallResult.Failed(sc.serviceResultCid())));
                        break;
                    }
                }
                return with(d, trace, c, d.signatures());
            case SWAP_CANONS:
                swapFirstTwo(trace, state -> state instanceof ExecutedState.Canon canon
                        && canon.result() instanceof CanonResult.Executed);
                return with(d, trace, c, d.signatures());
            case DROP_VALUES:
                return with(d, d.trace(), new CidInfo(Map.of(), c.tetrapletStore(), c.canonElementStore(),
                        c.canonResultStore(), c.serviceResultStore()), d.signatures());
            case DROP_CANON_ELEMENTS:
                return with(d, d.trace(), new CidInfo(c.valueStore(), c.tetrapletStore(), Map.of(),
                        c.canonResultStore(), c.serviceResultStore()), d.signatures());
            case DROP_SERVICE_RESULTS:
                return with(d, d.trace(), new CidInfo(c.valueStore(), c.tetrapletStore(), c.canonElementStore(),
                        c.canonResultStore(), Map.of()), d.signatures());
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private static InterpreterData nonJsonValue(InterpreterData d) {
        CidInfo c = d.cidInfo();
        List<ExecutedState> trace = new ArrayList<>(d.trace());
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i) instanceof ExecutedState.Call call && call.result() instanceof CallResult.Executed ex
                    && ex.value() instanceof ValueRef.Scalar sc) {
                ServiceResultCidAggregate old = c.serviceResultStore().get(sc.serviceResultCid());
                String text = "not json";
                String valueCid = Cid.ofJson(text.getBytes(StandardCharsets.UTF_8)).toString();
                ServiceResultCidAggregate forged = new ServiceResultCidAggregate(valueCid, old.argumentHash(),
                        old.tetrapletCid());
                byte[] forgedJson = JsonWriter.compactWriter().beginObject().name("value_cid").value(valueCid)
                        .name("argument_hash").value(old.argumentHash()).name("tetraplet_cid").value(old.tetrapletCid())
                        .endObject().toByteArray();
                String forgedCid = Cid.ofJson(forgedJson).toString();
                Map<String, String> values = new TreeMap<>(c.valueStore());
                values.put(valueCid, text);
                Map<String, ServiceResultCidAggregate> results = new TreeMap<>(c.serviceResultStore());
                results.put(forgedCid, forged);
                trace.set(i, new ExecutedState.Call(new CallResult.Executed(new ValueRef.Scalar(forgedCid))));
                return with(d, trace, new CidInfo(values, c.tetrapletStore(), c.canonElementStore(),
                        c.canonResultStore(), results), d.signatures());
            }
        }
        return d;
    }

    /** Every signer of {@code d} signs again the CIDs its trace now gives it (AquaVM's DataVerifier grouping). */
    private static InterpreterData resign(InterpreterData d, List<String> peers) {
        CidInfo c = d.cidInfo();
        Map<String, List<String>> cidsByPeer = new TreeMap<>();
        for (ExecutedState state : d.trace()) {
            String cid = null;
            String tetrapletCid = null;
            if (state instanceof ExecutedState.Call call) {
                cid = serviceResultCid(call.result());
                tetrapletCid = cid == null ? null : c.serviceResultStore().get(cid).tetrapletCid();
            } else if (state instanceof ExecutedState.Canon canon && canon.result() instanceof CanonResult.Executed ex) {
                cid = ex.canonResultCid();
                tetrapletCid = c.canonResultStore().get(cid).tetrapletCid();
            }
            if (cid != null) {
                cidsByPeer.computeIfAbsent(c.tetrapletStore().get(tetrapletCid).peerPk(), k -> new ArrayList<>()).add(cid);
            }
        }
        Map<EncodedPublicKey, EncodedSignature> sigs = new TreeMap<>();
        for (String name : peers) {
            KeyPair key = KeyPair.forTestName(name);
            EncodedPublicKey encoded = EncodedPublicKey.of(key.publicKey().toFluenceBytes());
            if (d.signatures().signatures().containsKey(encoded)) {
                List<String> cids = new ArrayList<>(cidsByPeer.getOrDefault(key.peerId().toString(), List.of()));
                cids.sort(CanonicalOrder.STRINGS);
                sigs.put(encoded, EncodedSignature.of(
                        DataSignatureMessage.sign(key, cids, EngineNetwork.PARTICLE_ID).toFluenceBytes()));
            }
        }
        return with(d, d.trace(), c, new SignatureStore(sigs));
    }

    /** The service-result CID a call state's signer signs (none for requests and unused results). */
    private static String serviceResultCid(CallResult result) {
        if (result instanceof CallResult.Failed f) {
            return f.serviceResultCid();
        }
        if (result instanceof CallResult.Executed ex && ex.value() instanceof ValueRef.Scalar sc) {
            return sc.serviceResultCid();
        }
        return result instanceof CallResult.Executed ex && ex.value() instanceof ValueRef.Stream st
                ? st.serviceResultCid() : null;
    }

    /** Swaps the first two states that {@code which} selects (no change if there are fewer than two). */
    private static void swapFirstTwo(List<ExecutedState> trace, Predicate<ExecutedState> which) {
        int first = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (which.test(trace.get(i))) {
                if (first < 0) {
                    first = i;
                } else {
                    ExecutedState s = trace.get(first);
                    trace.set(first, trace.get(i));
                    trace.set(i, s);
                    return;
                }
            }
        }
    }

    private static InterpreterData with(InterpreterData d, List<ExecutedState> trace, CidInfo c, SignatureStore s) {
        return new InterpreterData(trace, d.lastCallRequestId(), c, s);
    }

    private static String first(Map<String, ?> store) {
        return store.isEmpty() ? null : store.keySet().iterator().next();
    }
}
