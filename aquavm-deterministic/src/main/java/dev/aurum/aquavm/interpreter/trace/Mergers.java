package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.U32;
import dev.aurum.aquavm.data.ValueRef;
import dev.aurum.aquavm.interpreter.trace.DataKeeper.Scheme;
import dev.aurum.aquavm.interpreter.trace.DataKeeper.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-state merge rules of AquaVM's trace handler: take the next state from both sliders and
 * combine them into the state this run starts from. The rules are position-based, with no identifiers.
 */
final class Mergers {

    private Mergers() {
    }

    // ---- call -------------------------------------------------------------------------------------

    /** Null when neither input has a state here ("not met"). */
    static MergedCall call(DataKeeper keeper) throws TraceHandlerException {
        ExecutedState p = keeper.prev.nextState();
        ExecutedState c = keeper.current.nextState();
        if (p == null && c == null) {
            return null;
        }
        CallResult merged;
        Scheme scheme;
        if (p instanceof ExecutedState.Call pc && c instanceof ExecutedState.Call cc) {
            CallResult pr = pc.result();
            CallResult cr = cc.result();
            if (pr instanceof CallResult.Failed && cr instanceof CallResult.Failed) {
                if (!pr.equals(cr)) {
                    throw incompatibleCalls(pr, cr);
                }
                merged = pr;
                scheme = Scheme.PREVIOUS;
            } else if (pr instanceof CallResult.RequestSentBy && cr instanceof CallResult.Failed) {
                merged = cr;
                scheme = Scheme.CURRENT;
            } else if (pr instanceof CallResult.Failed && cr instanceof CallResult.RequestSentBy) {
                merged = pr;
                scheme = Scheme.PREVIOUS;
            } else if (pr instanceof CallResult.RequestSentBy && cr instanceof CallResult.RequestSentBy) {
                merged = pr; // senders are deliberately not compared (aquavm issue #137)
                scheme = Scheme.PREVIOUS;
            } else if (pr instanceof CallResult.RequestSentBy && cr instanceof CallResult.Executed) {
                merged = cr;
                scheme = Scheme.CURRENT;
            } else if (pr instanceof CallResult.Executed && cr instanceof CallResult.RequestSentBy) {
                merged = pr;
                scheme = Scheme.PREVIOUS;
            } else if (pr instanceof CallResult.Executed pe && cr instanceof CallResult.Executed ce) {
                merged = new CallResult.Executed(mergeExecuted(pe.value(), ce.value()));
                scheme = Scheme.BOTH;
            } else {
                throw incompatibleCalls(pr, cr);
            }
        } else if (p == null && c instanceof ExecutedState.Call cc) {
            merged = cc.result();
            scheme = Scheme.CURRENT;
        } else if (c == null && p instanceof ExecutedState.Call pc) {
            merged = pc.result();
            scheme = Scheme.PREVIOUS;
        } else {
            throw incompatibleStates(p, c, "call");
        }
        long tracePos = keeper.resultNextPos();
        keeper.mapPositions(scheme);
        return new MergedCall(merged, tracePos, scheme.source());
    }

    private static ValueRef mergeExecuted(ValueRef p, ValueRef c) throws TraceHandlerException {
        boolean equal;
        if (p instanceof ValueRef.Stream ps && c instanceof ValueRef.Stream cs) {
            equal = ps.serviceResultCid().equals(cs.serviceResultCid()); // generations may differ
        } else if ((p instanceof ValueRef.Scalar && c instanceof ValueRef.Scalar)
                || (p instanceof ValueRef.Unused && c instanceof ValueRef.Unused)) {
            equal = p.equals(c);
        } else {
            equal = false;
        }
        if (!equal) {
            throw new TraceHandlerException("values in call results are not equal: " + StateText.of(p) + " != "
                    + StateText.of(c));
        }
        return p;
    }

    private static TraceHandlerException incompatibleCalls(CallResult p, CallResult c) {
        return new TraceHandlerException("previous and current call results are incompatible: '" + StateText.of(p)
                + "' '" + StateText.of(c) + "'");
    }

    // ---- ap ---------------------------------------------------------------------------------------

    static MergedAp ap(DataKeeper keeper) throws TraceHandlerException {
        ExecutedState p = keeper.prev.nextState();
        ExecutedState c = keeper.current.nextState();
        ExecutedState.Ap chosen;
        Scheme scheme;
        if (p instanceof ExecutedState.Ap pa && c instanceof ExecutedState.Ap) {
            chosen = pa; // an ap state holds no value: the current one is not compared
            scheme = Scheme.BOTH;
        } else if (p instanceof ExecutedState.Ap pa && c == null) {
            chosen = pa;
            scheme = Scheme.PREVIOUS;
        } else if (p == null && c instanceof ExecutedState.Ap ca) {
            chosen = ca;
            scheme = Scheme.CURRENT;
        } else if (p == null && c == null) {
            return null;
        } else {
            throw incompatibleStates(p, c, "ap");
        }
        keeper.mapPositions(scheme);
        if (chosen.resGenerations().size() != 1) {
            throw new TraceHandlerException("ApResult { res_generations: " + chosen.resGenerations() + " }"
                    + " ap result contains inappropriate generation count in destination");
        }
        return new MergedAp(chosen.resGenerations().get(0), scheme.source());
    }

    // ---- canon ------------------------------------------------------------------------------------

    static CanonResult canon(DataKeeper keeper) throws TraceHandlerException {
        ExecutedState p = keeper.prev.nextState();
        ExecutedState c = keeper.current.nextState();
        if (p instanceof ExecutedState.Canon pc && c instanceof ExecutedState.Canon cc) {
            CanonResult pr = pc.result();
            CanonResult cr = cc.result();
            if (pr instanceof CanonResult.Executed && cr instanceof CanonResult.Executed && !pr.equals(cr)) {
                throw new TraceHandlerException("canon results " + StateText.of(pr) + " " + StateText.of(cr)
                        + " points to incompatible execution states");
            }
            if (pr instanceof CanonResult.RequestSentBy && cr instanceof CanonResult.Executed) {
                return cr;
            }
            return pr;
        } else if (p instanceof ExecutedState.Canon pc && c == null) {
            return pc.result();
        } else if (p == null && c instanceof ExecutedState.Canon cc) {
            return cc.result();
        } else if (p == null && c == null) {
            return null;
        }
        throw incompatibleStates(p, c, "canon");
    }

    // ---- par --------------------------------------------------------------------------------------

    /** The par states of both inputs; a missing one counts as {@code (0, 0)}. */
    static ExecutedState.Par[] par(DataKeeper keeper) throws TraceHandlerException {
        ExecutedState p = keeper.prev.nextState();
        ExecutedState c = keeper.current.nextState();
        ExecutedState.Par zero = new ExecutedState.Par(0, 0);
        if ((p == null || p instanceof ExecutedState.Par) && (c == null || c instanceof ExecutedState.Par)) {
            return new ExecutedState.Par[] {p == null ? zero : (ExecutedState.Par) p,
                c == null ? zero : (ExecutedState.Par) c};
        }
        throw incompatibleStates(p, c, "par");
    }

    // ---- fold -------------------------------------------------------------------------------------

    static ResolvedFold[] fold(DataKeeper keeper) throws TraceHandlerException {
        ExecutedState p = keeper.prev.nextState();
        ExecutedState c = keeper.current.nextState();
        if ((p == null || p instanceof ExecutedState.Fold) && (c == null || c instanceof ExecutedState.Fold)) {
            ResolvedFold prevFold = p == null ? ResolvedFold.empty() : resolve((ExecutedState.Fold) p, keeper.prev);
            ResolvedFold currentFold = c == null ? ResolvedFold.empty()
                    : resolve((ExecutedState.Fold) c, keeper.current);
            return new ResolvedFold[] {prevFold, currentFold};
        }
        throw incompatibleStates(p, c, "fold");
    }

    /**
     * Keys the lore by value position and convolves the lengths within each run of same-generation
     * entries: nested iterations sit physically inside the first iteration's sub-trace.
     */
    static ResolvedFold resolve(ExecutedState.Fold fold, TraceSlider slider) throws TraceHandlerException {
        List<FoldSubTraceLore> lore = fold.lore();
        int n = lore.size();
        long[] before = new long[n];
        long[] after = new long[n];
        long statesCount = 0;
        long lastGeneration = 0;
        int groupStart = 0;
        long cumAfter = 0;
        for (int i = 0; i < n; i++) {
            FoldSubTraceLore entry = lore.get(i);
            if (entry.subtracesDesc().size() != 2) {
                throw new TraceHandlerException("fold contains " + entry.subtracesDesc().size()
                        + " sublore descriptors, but 2 is expected");
            }
            long generation = generationAt(slider, entry.valuePos());
            if (generation != lastGeneration) {
                if (i > 0) {
                    convolveBefore(before, after, groupStart, i - 1);
                }
                lastGeneration = generation;
                groupStart = i;
                cumAfter = 0;
            }
            long b = entry.subtracesDesc().get(0).subtraceLen();
            long a = entry.subtracesDesc().get(1).subtraceLen();
            statesCount += b + a;
            if (statesCount > U32.MAX) {
                throw new TraceHandlerException("the first " + i + " subtrace descriptors lens of fold "
                        + StateText.of(fold) + " overflows");
            }
            cumAfter += a;
            before[i] = b;
            after[i] = cumAfter;
        }
        if (n > 0) {
            convolveBefore(before, after, groupStart, n - 1);
        }
        Map<Long, ResolvedFold.Descs> resolved = new HashMap<>();
        for (int i = 0; i < n; i++) {
            FoldSubTraceLore entry = lore.get(i);
            // lengths are u32 in AquaVM; a convolution beyond that would wrap there, we saturate
            ResolvedFold.Descs descs = new ResolvedFold.Descs(
                    new SubTraceDesc(entry.subtracesDesc().get(0).beginPos(), Math.min(before[i], U32.MAX)),
                    new SubTraceDesc(entry.subtracesDesc().get(1).beginPos(), Math.min(after[i], U32.MAX)));
            if (resolved.put(entry.valuePos(), descs) != null) {
                throw new TraceHandlerException(inner(StateText.of(fold), "Fold(")
                        + " contains several subtraces with the same value_pos " + entry.valuePos());
            }
        }
        return new ResolvedFold(resolved, statesCount);
    }

    private static void convolveBefore(long[] before, long[] after, int begin, int end) {
        long cum = 0;
        long lastAfter = after[end];
        for (int i = end; i >= begin; i--) {
            cum += before[i];
            before[i] = cum + lastAfter;
        }
    }

    private static long generationAt(TraceSlider slider, long pos) throws TraceHandlerException {
        ExecutedState state = slider.stateAt(pos);
        if (state == null) {
            throw new TraceHandlerException("requested an element at position '" + pos
                    + "', but executed trace contains only '" + slider.traceLen() + "' elements");
        }
        if (state instanceof ExecutedState.Call c && c.result() instanceof CallResult.Executed e
                && e.value() instanceof ValueRef.Stream s) {
            return s.generation();
        }
        if (state instanceof ExecutedState.Ap ap && !ap.resGenerations().isEmpty()) {
            return ap.resGenerations().get(0);
        }
        // AquaVM indexes res_generations[0] unchecked here and would trap on an empty list
        throw new TraceHandlerException("expected a state of CallResult(Value::Stream) or Ap types but '"
                + StateText.of(state) + "' obtained");
    }

    // ---- errors -----------------------------------------------------------------------------------

    static TraceHandlerException incompatibleStates(ExecutedState p, ExecutedState c, String expected) {
        if (p != null && c != null) {
            return new TraceHandlerException("previous and current data have incompatible states: '"
                    + StateText.of(p) + "' '" + StateText.of(c) + "'");
        }
        ExecutedState state = p != null ? p : c;
        Side side = p != null ? Side.PREVIOUS : Side.CURRENT;
        return new TraceHandlerException("state from " + side.text + " `" + StateText.of(state)
                + "` is incompatible with expected " + expected);
    }

    private static String inner(String text, String prefix) {
        return text.substring(prefix.length(), text.length() - 1);
    }

    static List<Long> singleton(long generation) {
        List<Long> l = new ArrayList<>(1);
        l.add(generation);
        return l;
    }
}
