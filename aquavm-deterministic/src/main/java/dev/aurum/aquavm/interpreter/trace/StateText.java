package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.Sender;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.ValueRef;

/**
 * Trace states rendered close to Rust's {@code Debug} output, for error messages only (AquaVM's
 * messages embed {@code {:?}} of states; the exact text is not part of any format).
 */
public final class StateText {

    private StateText() {
    }

    public static String of(ExecutedState state) {
        if (state == null) {
            return "None";
        }
        if (state instanceof ExecutedState.Par p) {
            return "Par(ParResult { left_size: " + p.leftSize() + ", right_size: " + p.rightSize() + " })";
        } else if (state instanceof ExecutedState.Call c) {
            return "Call(" + of(c.result()) + ")";
        } else if (state instanceof ExecutedState.Fold f) {
            StringBuilder sb = new StringBuilder("Fold(FoldResult { lore: [");
            for (int i = 0; i < f.lore().size(); i++) {
                FoldSubTraceLore l = f.lore().get(i);
                sb.append(i == 0 ? "" : ", ").append("FoldSubTraceLore { value_pos: ").append(l.valuePos())
                        .append(", subtraces_desc: [");
                for (int j = 0; j < l.subtracesDesc().size(); j++) {
                    SubTraceDesc d = l.subtracesDesc().get(j);
                    sb.append(j == 0 ? "" : ", ").append("SubTraceDesc { begin_pos: ").append(d.beginPos())
                            .append(", subtrace_len: ").append(d.subtraceLen()).append(" }");
                }
                sb.append("] }");
            }
            return sb.append("] })").toString();
        } else if (state instanceof ExecutedState.Ap a) {
            return "Ap(ApResult { res_generations: " + a.resGenerations() + " })";
        } else if (state instanceof ExecutedState.Canon c) {
            return "Canon(" + of(c.result()) + ")";
        }
        return state.toString();
    }

    public static String of(CallResult result) {
        if (result instanceof CallResult.RequestSentBy r) {
            if (r.sender() instanceof Sender.PeerIdWithCallId s) {
                return "RequestSentBy(PeerIdWithCallId { peer_id: \"" + s.peerId() + "\", call_id: " + s.callId() + " })";
            }
            return "RequestSentBy(PeerId(\"" + ((Sender.PeerId) r.sender()).peerId() + "\"))";
        } else if (result instanceof CallResult.Executed e) {
            return "Executed(" + of(e.value()) + ")";
        }
        return "Failed(" + cid(((CallResult.Failed) result).serviceResultCid()) + ")";
    }

    public static String of(ValueRef value) {
        if (value instanceof ValueRef.Scalar s) {
            return "Scalar(" + cid(s.serviceResultCid()) + ")";
        } else if (value instanceof ValueRef.Stream s) {
            return "Stream { cid: " + cid(s.serviceResultCid()) + ", generation: " + s.generation() + " }";
        }
        return "Unused(" + cid(((ValueRef.Unused) value).valueCid()) + ")";
    }

    public static String of(CanonResult result) {
        if (result instanceof CanonResult.RequestSentBy r) {
            return "RequestSentBy(\"" + r.peerId() + "\")";
        }
        return "Executed(" + cid(((CanonResult.Executed) result).canonResultCid()) + ")";
    }

    private static String cid(String cid) {
        return "CID(\"" + cid + "\")";
    }
}
