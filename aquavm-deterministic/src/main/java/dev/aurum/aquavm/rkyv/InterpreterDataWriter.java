package dev.aurum.aquavm.rkyv;

import static dev.aurum.aquavm.rkyv.Layout.*;

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
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.ValueRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical rkyv writer. It follows rkyv's serializer step by step: a value's out-of-line parts
 * (strings, slices, Rc targets) are written first, depth first in field order, then the value
 * itself at the next 4-aligned position; a vec writes all its elements' parts, then its elements;
 * the root comes last. Shared ({@code Rc<str>}, {@code Rc<String>}) texts are written once per
 * distinct content (the maps below are only looked up, never iterated).
 */
final class InterpreterDataWriter {

    private final ArchiveBuffer out = new ArchiveBuffer();
    /** Rc<str> text → {position, UTF-8 length}; the length is cached so that a text referenced many times is encoded once. */
    private final Map<String, int[]> sharedStrs = new HashMap<>();
    private final Map<String, Integer> sharedStrings = new HashMap<>();

    private InterpreterDataWriter() {
    }

    static byte[] write(InterpreterData data) {
        return new InterpreterDataWriter().root(data);
    }

    /** Writes an element's out-of-line parts; returns what its struct needs (usually a position). */
    private interface Parts<T> {
        int write(T value);
    }

    /** Fills an element's struct image given the result of {@link Parts}. */
    private interface Resolve<T> {
        void fill(StructImage image, T value, int parts);
    }

    private byte[] root(InterpreterData data) {
        int trace = slice(data.trace(), EXECUTED_STATE, this::stateParts, this::stateImage);
        CidInfo c = data.cidInfo();
        int values = store(c.valueStore(), this::rawValue);
        int tetraplets = store(c.tetrapletStore(), this::tetraplet);
        int elements = store(c.canonElementStore(), this::canonElement);
        int canons = store(c.canonResultStore(), this::canonResult);
        int services = store(c.serviceResultStore(), this::serviceResult);
        Map<EncodedPublicKey, EncodedSignature> sigs = data.signatures().signatures();
        int signatures = slice(new ArrayList<>(sigs.entrySet()), SIGNATURE_ENTRY, e -> {
            int key = out.write(e.getKey().bytes());
            out.write(e.getValue().bytes());
            return key;
        }, (img, e, key) -> {
            img.fat(0, key, e.getKey().length());
            img.fat(8, key + e.getKey().length(), e.getValue().length());
        });
        StructImage img = new StructImage(out.align(ALIGN), INTERPRETER_DATA);
        img.fat(0, trace, data.trace().size());
        img.u32(8, data.lastCallRequestId());
        img.fat(12, values, c.valueStore().size());
        img.fat(20, tetraplets, c.tetrapletStore().size());
        img.fat(28, elements, c.canonElementStore().size());
        img.fat(36, canons, c.canonResultStore().size());
        img.fat(44, services, c.serviceResultStore().size());
        img.fat(52, signatures, sigs.size());
        out.write(img.bytes);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- trace

    private int stateParts(ExecutedState state) {
        if (state instanceof ExecutedState.Par) {
            return 0;
        } else if (state instanceof ExecutedState.Call call) {
            CallResult r = call.result();
            if (r instanceof CallResult.RequestSentBy sent) {
                return sharedString(sent.sender() instanceof Sender.PeerId p ? p.peerId()
                        : ((Sender.PeerIdWithCallId) sent.sender()).peerId());
            } else if (r instanceof CallResult.Executed executed) {
                ValueRef value = executed.value();
                String cid = value instanceof ValueRef.Scalar s ? s.serviceResultCid()
                        : value instanceof ValueRef.Stream st ? st.serviceResultCid()
                        : ((ValueRef.Unused) value).valueCid();
                return sharedStr(cid);
            } else {
                return sharedStr(((CallResult.Failed) r).serviceResultCid());
            }
        } else if (state instanceof ExecutedState.Fold fold) {
            return slice(fold.lore(), FOLD_LORE,
                    lore -> slice(lore.subtracesDesc(), SUBTRACE_DESC, d -> 0, this::descImage),
                    (img, lore, descs) -> {
                        img.u32(0, lore.valuePos());
                        img.fat(4, descs, lore.subtracesDesc().size());
                    });
        } else if (state instanceof ExecutedState.Ap ap) {
            return slice(ap.resGenerations(), GENERATION, g -> 0, (img, g, x) -> img.u32(0, g));
        } else {
            CanonResult r = ((ExecutedState.Canon) state).result();
            return r instanceof CanonResult.RequestSentBy sent ? sharedString(sent.peerId())
                    : sharedStr(((CanonResult.Executed) r).canonResultCid());
        }
    }

    private void descImage(StructImage img, SubTraceDesc d, int unused) {
        img.u32(0, d.beginPos());
        img.u32(4, d.subtraceLen());
    }

    /** ExecutedState at offset 0 of {@code img}; variant fields follow their u8 tags at 4-aligned offsets. */
    private void stateImage(StructImage img, ExecutedState state, int parts) {
        if (state instanceof ExecutedState.Par par) {
            img.u8(0, 0);
            img.u32(4, par.leftSize());
            img.u32(8, par.rightSize());
        } else if (state instanceof ExecutedState.Call call) {
            img.u8(0, 1);
            CallResult r = call.result();
            if (r instanceof CallResult.RequestSentBy sent) {
                img.u8(4, 0);
                if (sent.sender() instanceof Sender.PeerIdWithCallId w) {
                    img.u8(8, 1);
                    img.rel(12, parts);
                    img.u32(16, w.callId());
                } else {
                    img.u8(8, 0);
                    img.rel(12, parts);
                }
            } else if (r instanceof CallResult.Executed executed) {
                img.u8(4, 1);
                ValueRef value = executed.value();
                if (value instanceof ValueRef.Scalar s) {
                    img.u8(8, 0);
                    img.fat(12, parts, utf8Length(s.serviceResultCid()));
                } else if (value instanceof ValueRef.Stream st) {
                    img.u8(8, 1);
                    img.fat(12, parts, utf8Length(st.serviceResultCid()));
                    img.u32(20, st.generation());
                } else {
                    img.u8(8, 2);
                    img.fat(12, parts, utf8Length(((ValueRef.Unused) value).valueCid()));
                }
            } else {
                img.u8(4, 2);
                img.fat(8, parts, utf8Length(((CallResult.Failed) r).serviceResultCid()));
            }
        } else if (state instanceof ExecutedState.Fold fold) {
            img.u8(0, 2);
            img.fat(4, parts, fold.lore().size());
        } else if (state instanceof ExecutedState.Ap ap) {
            img.u8(0, 3);
            img.fat(4, parts, ap.resGenerations().size());
        } else {
            img.u8(0, 4);
            CanonResult r = ((ExecutedState.Canon) state).result();
            if (r instanceof CanonResult.RequestSentBy) {
                img.u8(4, 0);
                img.rel(8, parts);
            } else {
                img.u8(4, 1);
                img.fat(8, parts, utf8Length(((CanonResult.Executed) r).canonResultCid()));
            }
        }
    }

    // ---------------------------------------------------------------- stores

    /** A CID store as a vec of {CID key, Rc value}, in key order (the map is sorted). */
    private <T> int store(Map<String, T> store, Parts<T> rcValue) {
        List<Map.Entry<String, T>> entries = new ArrayList<>(store.entrySet());
        int[] valuePos = new int[entries.size()];
        int[] index = {0};
        return slice(entries, STORE_ENTRY, e -> {
            int key = sharedStr(e.getKey());
            valuePos[index[0]++] = rcValue.write(e.getValue());
            return key;
        }, new Resolve<>() {
            private int i;

            @Override
            public void fill(StructImage img, Map.Entry<String, T> e, int key) {
                img.fat(0, key, utf8Length(e.getKey()));
                img.rel(8, valuePos[i++]);
            }
        });
    }

    private int rawValue(String json) {
        byte[] text = StructImage.utf8(json);
        int textPos = out.write(text);
        StructImage img = new StructImage(out.align(ALIGN), RAW_VALUE);
        img.fat(0, textPos, text.length);
        return out.write(img.bytes);
    }

    private int tetraplet(SecurityTetraplet t) {
        byte[][] fields = {
            StructImage.utf8(t.peerPk()), StructImage.utf8(t.serviceId()),
            StructImage.utf8(t.functionName()), StructImage.utf8(t.lens())};
        int[] textPos = new int[4];
        for (int i = 0; i < 4; i++) {
            textPos[i] = stringText(fields[i]);
        }
        StructImage img = new StructImage(out.align(ALIGN), TETRAPLET);
        for (int i = 0; i < 4; i++) {
            img.string(8 * i, fields[i], textPos[i]);
        }
        return out.write(img.bytes);
    }

    private int canonElement(CanonCidAggregate a) {
        int value = sharedStr(a.valueCid());
        int tetraplet = sharedStr(a.tetrapletCid());
        Provenance p = a.provenance();
        String cid = p instanceof Provenance.ServiceResult s ? s.cid() : p instanceof Provenance.Canon c ? c.cid() : null;
        int provenance = cid == null ? 0 : sharedStr(cid);
        StructImage img = new StructImage(out.align(ALIGN), CANON_ELEMENT);
        img.fat(0, value, utf8Length(a.valueCid()));
        img.fat(8, tetraplet, utf8Length(a.tetrapletCid()));
        img.u8(16, p instanceof Provenance.Literal ? 0 : p instanceof Provenance.ServiceResult ? 1 : 2);
        if (cid != null) {
            img.fat(20, provenance, utf8Length(cid));
        }
        return out.write(img.bytes);
    }

    private int canonResult(CanonResultCidAggregate a) {
        int tetraplet = sharedStr(a.tetrapletCid());
        int values = slice(a.valueCids(), FAT_PTR, this::sharedStr, (img, cid, pos) -> img.fat(0, pos, utf8Length(cid)));
        StructImage img = new StructImage(out.align(ALIGN), CANON_RESULT);
        img.fat(0, tetraplet, utf8Length(a.tetrapletCid()));
        img.fat(8, values, a.valueCids().size());
        return out.write(img.bytes);
    }

    private int serviceResult(ServiceResultCidAggregate a) {
        int value = sharedStr(a.valueCid());
        int argumentHash = sharedStr(a.argumentHash());
        int tetraplet = sharedStr(a.tetrapletCid());
        StructImage img = new StructImage(out.align(ALIGN), SERVICE_RESULT);
        img.fat(0, value, utf8Length(a.valueCid()));
        img.fat(8, argumentHash, utf8Length(a.argumentHash()));
        img.fat(16, tetraplet, utf8Length(a.tetrapletCid()));
        return out.write(img.bytes);
    }

    // ---------------------------------------------------------------- rkyv building blocks

    /** A slice of 4-aligned elements: all elements' parts first, then the elements. Returns the slice position. */
    private <T> int slice(List<T> items, int size, Parts<T> parts, Resolve<T> resolve) {
        int[] resolved = new int[items.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = parts.write(items.get(i));
        }
        int start = out.align(ALIGN);
        for (int i = 0; i < resolved.length; i++) {
            StructImage img = new StructImage(out.pos(), size);
            resolve.fill(img, items.get(i), resolved[i]);
            out.write(img.bytes);
        }
        return start;
    }

    /** {@code Rc<str>}: the text, written the first time this content is met. */
    private int sharedStr(String s) {
        int[] known = sharedStrs.get(s);
        if (known != null) {
            return known[0];
        }
        byte[] text = StructImage.utf8(s);
        int pos = out.write(text);
        sharedStrs.put(s, new int[] {pos, text.length});
        return pos;
    }

    /** {@code Rc<String>}: an ArchivedString (after its text if longer than 7 bytes), written once per content. */
    private int sharedString(String s) {
        Integer known = sharedStrings.get(s);
        if (known != null) {
            return known;
        }
        byte[] text = StructImage.utf8(s);
        int textPos = stringText(text);
        StructImage img = new StructImage(out.align(ALIGN), ARCHIVED_STRING);
        img.string(0, text, textPos);
        int pos = out.write(img.bytes);
        sharedStrings.put(s, pos);
        return pos;
    }

    /** The out-of-line text of an ArchivedString, or -1 if it will be stored inline. */
    private int stringText(byte[] text) {
        return text.length <= STRING_INLINE_CAPACITY ? -1 : out.write(text);
    }

    /** UTF-8 length of an Rc<str> text already written by {@link #sharedStr}. */
    private int utf8Length(String s) {
        return sharedStrs.get(s)[1];
    }
}
