package dev.aurum.aquavm.rkyv;

import static dev.aurum.aquavm.rkyv.Layout.*;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonCidAggregate;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.CanonicalOrder;
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
import dev.aurum.aquavm.rkyv.ArchiveValidator.Shared;
import dev.aurum.aquavm.rkyv.ArchiveValidator.SharedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validating reader of an archived {@code InterpreterData}; visits fields in the order rkyv's
 * {@code check_archived_root} does, so it accepts and rejects what AquaVM accepts and rejects.
 * The schema has no recursive types, so recursion depth is fixed (at most 7 frames).
 */
final class InterpreterDataReader {

    private final ArchiveValidator v;

    private InterpreterDataReader(byte[] bytes) {
        this.v = new ArchiveValidator(bytes);
    }

    static InterpreterData read(byte[] bytes) throws DecodeException {
        return new InterpreterDataReader(bytes).root();
    }

    /** Reads one element at {@code pos}. */
    private interface ElementReader<T> {
        T read(int pos, FieldPath path) throws DecodeException;
    }

    private InterpreterData root() throws DecodeException {
        FieldPath path = FieldPath.ROOT;
        if (v.length() < INTERPRETER_DATA) {
            throw v.error(path, 0, "archive of " + v.length() + " bytes is shorter than the "
                    + INTERPRETER_DATA + "-byte InterpreterData root");
        }
        // The root is the last object of the archive.
        int pos = v.target(path, 0, v.length() - INTERPRETER_DATA, ALIGN, INTERPRETER_DATA);
        int saved = v.enter(path, pos, INTERPRETER_DATA);
        List<ExecutedState> trace = vec(pos, EXECUTED_STATE, ALIGN, path.field("trace"), this::executedState);
        long lcid = v.u32(pos + 8);
        FieldPath cid = path.field("cid_info");
        Map<String, String> values = store(pos + 12, cid.field("value_store"), this::rawValueRc);
        Map<String, SecurityTetraplet> tetraplets = store(pos + 20, cid.field("tetraplet_store"), this::tetrapletRc);
        Map<String, CanonCidAggregate> elements = store(pos + 28, cid.field("canon_element_store"), this::canonElementRc);
        Map<String, CanonResultCidAggregate> canons = store(pos + 36, cid.field("canon_result_store"), this::canonResultRc);
        Map<String, ServiceResultCidAggregate> services = store(pos + 44, cid.field("service_result_store"), this::serviceResultRc);
        SignatureStore signatures = signatures(pos + 52, path.field("signatures"));
        v.leave(pos, INTERPRETER_DATA, saved);
        return new InterpreterData(trace, lcid, new CidInfo(values, tetraplets, elements, canons, services), signatures);
    }

    // ---------------------------------------------------------------- trace

    private ExecutedState executedState(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return new ExecutedState.Par(v.u32(p + 4), v.u32(p + 8));
            case 1:
                return new ExecutedState.Call(callResult(p + 4, path.field("call")));
            case 2:
                return new ExecutedState.Fold(vec(p + 4, FOLD_LORE, ALIGN, path.field("fold").field("lore"), this::foldLore));
            case 3: {
                List<Long> gens = vec(p + 4, GENERATION, ALIGN, path.field("ap").field("gens"), (q, x) -> v.u32(q));
                return new ExecutedState.Ap(gens);
            }
            case 4:
                return new ExecutedState.Canon(canonResult(p + 4, path.field("canon")));
            default:
                throw v.error(path, p, "invalid ExecutedState tag " + tag + " (expected 0..4)");
        }
    }

    private CallResult callResult(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return new CallResult.RequestSentBy(sender(p + 4, path.field("sent_by")));
            case 1:
                return new CallResult.Executed(valueRef(p + 4, path.field("executed")));
            case 2:
                return new CallResult.Failed(sharedStr(p + 4, path.field("failed")));
            default:
                throw v.error(path, p, "invalid CallResult tag " + tag + " (expected 0..2)");
        }
    }

    private Sender sender(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return new Sender.PeerId(sharedString(p + 4, path.field("PeerId")));
            case 1: {
                FieldPath w = path.field("PeerIdWithCallId");
                String peer = sharedString(p + 4, w.field("peer_id"));
                return new Sender.PeerIdWithCallId(peer, v.u32(p + 8));
            }
            default:
                throw v.error(path, p, "invalid Sender tag " + tag + " (expected 0..1)");
        }
    }

    private ValueRef valueRef(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return new ValueRef.Scalar(sharedStr(p + 4, path.field("scalar")));
            case 1: {
                FieldPath s = path.field("stream");
                String cid = sharedStr(p + 4, s.field("cid"));
                return new ValueRef.Stream(cid, v.u32(p + 12));
            }
            case 2:
                return new ValueRef.Unused(sharedStr(p + 4, path.field("unused")));
            default:
                throw v.error(path, p, "invalid ValueRef tag " + tag + " (expected 0..2)");
        }
    }

    private CanonResult canonResult(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return new CanonResult.RequestSentBy(sharedString(p + 4, path.field("sent_by")));
            case 1:
                return new CanonResult.Executed(sharedStr(p + 4, path.field("executed")));
            default:
                throw v.error(path, p, "invalid CanonResult tag " + tag + " (expected 0..1)");
        }
    }

    private FoldSubTraceLore foldLore(int p, FieldPath path) throws DecodeException {
        long valuePos = v.u32(p);
        List<SubTraceDesc> desc = vec(p + 4, SUBTRACE_DESC, ALIGN, path.field("desc"),
                (q, x) -> new SubTraceDesc(v.u32(q), v.u32(q + 4)));
        return new FoldSubTraceLore(valuePos, desc);
    }

    // ---------------------------------------------------------------- stores

    /**
     * A {@code CidStore} archived {@code AsVec}: a vec of {key: CID, value: Rc<T>}. Rust writes the
     * entries in HashMap order, so any order is accepted; a repeated key keeps the last entry, as
     * rkyv's deserializer does ({@code HashMap::insert}).
     */
    private <T> Map<String, T> store(int at, FieldPath path, ElementReader<T> rcValue) throws DecodeException {
        TreeMap<String, T> map = new TreeMap<>(CanonicalOrder.STRINGS);
        vec(at, STORE_ENTRY, ALIGN, path, (p, entry) -> {
            String key = sharedStr(p, entry.field("key"));
            map.put(key, rcValue.read(p + 8, entry.field("value")));
            return null;
        });
        return map;
    }

    private String rawValueRc(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.RAW_VALUE, RAW_VALUE, (p, x) -> ownedStr(p, x.field("raw")));
    }

    private SecurityTetraplet tetrapletRc(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.TETRAPLET, TETRAPLET, (p, x) -> new SecurityTetraplet(
                archivedString(p, x.field("peer_pk")),
                archivedString(p + 8, x.field("service_id")),
                archivedString(p + 16, x.field("function_name")),
                archivedString(p + 24, x.field("lens"))));
    }

    private CanonCidAggregate canonElementRc(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.CANON_ELEMENT, CANON_ELEMENT, (p, x) -> {
            String value = sharedStr(p, x.field("value"));
            String tetraplet = sharedStr(p + 8, x.field("tetraplet"));
            return new CanonCidAggregate(value, tetraplet, provenance(p + 16, x.field("provenance")));
        });
    }

    private Provenance provenance(int p, FieldPath path) throws DecodeException {
        int tag = v.u8(p);
        switch (tag) {
            case 0:
                return Provenance.LITERAL;
            case 1:
                return new Provenance.ServiceResult(sharedStr(p + 4, path.field("service_result").field("cid")));
            case 2:
                return new Provenance.Canon(sharedStr(p + 4, path.field("canon").field("cid")));
            default:
                throw v.error(path, p, "invalid Provenance tag " + tag + " (expected 0..2)");
        }
    }

    private CanonResultCidAggregate canonResultRc(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.CANON_RESULT, CANON_RESULT, (p, x) -> {
            String tetraplet = sharedStr(p, x.field("tetraplet"));
            List<String> values = vec(p + 8, FAT_PTR, ALIGN, x.field("values"), this::sharedStr);
            return new CanonResultCidAggregate(tetraplet, values);
        });
    }

    private ServiceResultCidAggregate serviceResultRc(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.SERVICE_RESULT, SERVICE_RESULT, (p, x) -> {
            String value = sharedStr(p, x.field("value_cid"));
            String argumentHash = sharedStr(p + 8, x.field("argument_hash"));
            String tetraplet = sharedStr(p + 16, x.field("tetraplet_cid"));
            return new ServiceResultCidAggregate(value, argumentHash, tetraplet);
        });
    }

    /** {@code SignatureStore}: AsVec of {PublicKey(Box<[u8]>), Signature(Box<[u8]>)}; a repeated key keeps the last. */
    private SignatureStore signatures(int at, FieldPath path) throws DecodeException {
        TreeMap<EncodedPublicKey, EncodedSignature> map = new TreeMap<>();
        vec(at, SIGNATURE_ENTRY, ALIGN, path, (p, entry) -> {
            EncodedPublicKey key = EncodedPublicKey.of(ownedBytes(p, entry.field("key")));
            map.put(key, EncodedSignature.of(ownedBytes(p + 8, entry.field("value"))));
            return null;
        });
        return new SignatureStore(map);
    }

    // ---------------------------------------------------------------- rkyv building blocks

    /** {@code ArchivedVec<T>} at {@code at}: {relptr i32, len u32}; the elements are claimed as one slice. */
    private <T> List<T> vec(int at, int elementSize, int align, FieldPath path, ElementReader<T> element) throws DecodeException {
        long len = v.u32(at + 4);
        long size = len * elementSize;
        int pos = v.target(path, at, v.i32(at), align, size);
        int saved = v.enter(path, pos, size);
        // The slice fits the buffer (checked above), so this allocation is bounded by the input.
        List<T> out = new ArrayList<>((int) len);
        for (int i = 0; i < len; i++) {
            out.add(element.read(pos + i * elementSize, path.index(i)));
        }
        v.leave(pos, size, saved);
        return out;
    }

    /** {@code ArchivedRc<str>} (a CID or argument hash): shared by address. */
    private String sharedStr(int at, FieldPath path) throws DecodeException {
        long len = v.u32(at + 4);
        int pos = v.target(path, at, v.i32(at), 1, len);
        Shared known = v.sharedAt(path, pos, SharedKind.STR);
        if (known != null) {
            // rkyv reuses the first value decoded at this address, whatever length this pointer claims.
            return (String) known.value();
        }
        v.registerShared(pos, SharedKind.STR);
        int saved = v.enter(path, pos, len);
        String s = v.utf8(path, pos, (int) len);
        v.leave(pos, len, saved);
        v.completeShared(pos, SharedKind.STR, s);
        return s;
    }

    /** {@code ArchivedBox<str>}: an owned string slice. */
    private String ownedStr(int at, FieldPath path) throws DecodeException {
        long len = v.u32(at + 4);
        int pos = v.target(path, at, v.i32(at), 1, len);
        int saved = v.enter(path, pos, len);
        String s = v.utf8(path, pos, (int) len);
        v.leave(pos, len, saved);
        return s;
    }

    /** {@code ArchivedBox<[u8]>}: owned bytes. */
    private byte[] ownedBytes(int at, FieldPath path) throws DecodeException {
        long len = v.u32(at + 4);
        int pos = v.target(path, at, v.i32(at), 1, len);
        int saved = v.enter(path, pos, len);
        byte[] out = new byte[(int) len];
        System.arraycopy(v.bytes(), pos, out, 0, (int) len);
        v.leave(pos, len, saved);
        return out;
    }

    /**
     * {@code ArchivedString} (8 bytes) at {@code p}. Byte 7 with the high bit clear: inline, byte 7 is
     * the length (at most 7) and bytes 0..6 the text. Otherwise out of line: bytes 0..3 the length
     * (big-endian) and bytes 4..7 a <em>little-endian</em> offset from {@code p} to the text.
     */
    private String archivedString(int p, FieldPath path) throws DecodeException {
        int last = v.u8(p + 7);
        if ((last & 0x80) == 0) {
            if (last > STRING_INLINE_CAPACITY) {
                throw v.error(path, p, "inline string length " + last + " exceeds " + STRING_INLINE_CAPACITY);
            }
            return v.utf8(path, p, last);
        }
        long len = v.u32(p);
        int pos = v.target(path, p, v.i32le(p + 4), 1, len);
        int saved = v.enter(path, pos, len);
        String s = v.utf8(path, pos, (int) len);
        v.leave(pos, len, saved);
        return s;
    }

    /** {@code ArchivedRc<ArchivedString>} (a peer id in a sent-by state): shared by address. */
    private String sharedString(int at, FieldPath path) throws DecodeException {
        return sharedStruct(at, path, SharedKind.STRING, ARCHIVED_STRING, this::archivedString);
    }

    /** {@code ArchivedRc<T>} for a sized T: a 4-byte relptr to a shared, 4-aligned object. */
    @SuppressWarnings("unchecked")
    private <T> T sharedStruct(int at, FieldPath path, SharedKind kind, int size, ElementReader<T> contents) throws DecodeException {
        int pos = v.target(path, at, v.i32(at), ALIGN, size);
        Shared known = v.sharedAt(path, pos, kind);
        if (known != null) {
            return (T) known.value();
        }
        v.registerShared(pos, kind);
        int saved = v.enter(path, pos, size);
        T value = contents.read(pos, path);
        v.leave(pos, size, saved);
        v.completeShared(pos, kind, value);
        return value;
    }
}
