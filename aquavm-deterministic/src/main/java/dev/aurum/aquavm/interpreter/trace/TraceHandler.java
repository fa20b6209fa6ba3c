package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.ValueRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AquaVM's trace handler: merges prev and current traces state by state while the evaluator walks the
 * script, and builds the result trace. Instructions call {@code meet*Start} to learn what the inputs
 * recorded here and {@code meet*End} to append their state.
 */
public final class TraceHandler {

    private final DataKeeper keeper;
    private final List<ParFsm> parStack = new ArrayList<>();
    private final Map<Integer, FoldFsm> folds = new HashMap<>();

    public TraceHandler(List<ExecutedState> prevTrace, List<ExecutedState> currentTrace) {
        this.keeper = new DataKeeper(prevTrace, currentTrace);
    }

    /** Position the next appended state will take. */
    public long tracePos() {
        return keeper.resultNextPos();
    }

    /** The result trace (a copy). */
    public List<ExecutedState> resultTrace() {
        return List.copyOf(keeper.result);
    }

    /** Remaining window lengths of the prev and current sliders. */
    public long[] subgraphSizes() {
        return new long[] {keeper.prev.subtraceLen(), keeper.current.subtraceLen()};
    }

    // ---- call, ap, canon --------------------------------------------------------------------------

    /** The merged call state here, or null if neither input has one. */
    public MergedCall meetCallStart() throws TraceHandlerException {
        return Mergers.call(keeper);
    }

    public void meetCallEnd(CallResult result) {
        keeper.result.add(new ExecutedState.Call(result));
    }

    public MergedAp meetApStart() throws TraceHandlerException {
        return Mergers.ap(keeper);
    }

    public void meetApEnd(ExecutedState.Ap ap) {
        keeper.result.add(ap);
    }

    public CanonResult meetCanonStart() throws TraceHandlerException {
        return Mergers.canon(keeper);
    }

    public void meetCanonEnd(CanonResult result) {
        keeper.result.add(new ExecutedState.Canon(result));
    }

    // ---- par --------------------------------------------------------------------------------------

    public void meetParStart() throws TraceHandlerException {
        ExecutedState.Par[] pars = Mergers.par(keeper);
        parStack.add(ParFsm.leftStarted(pars[0], pars[1], keeper));
    }

    public void meetParLeftEnd() throws TraceHandlerException {
        if (parStack.isEmpty()) {
            throw new TraceHandlerException("par queue is empty, while par FSM is requested");
        }
        parStack.get(parStack.size() - 1).leftCompleted(keeper);
    }

    public void meetParRightEnd() throws TraceHandlerException {
        if (parStack.isEmpty()) {
            throw new TraceHandlerException("par queue is empty, while par FSM is requested");
        }
        parStack.remove(parStack.size() - 1).rightCompleted(keeper);
    }

    // ---- fold over a stream -----------------------------------------------------------------------

    public void meetFoldStart(int foldId) throws TraceHandlerException {
        ResolvedFold[] folded = Mergers.fold(keeper);
        folds.put(foldId, new FoldFsm(folded[0], folded[1], keeper));
    }

    public void meetIterationStart(int foldId, long valuePos) throws TraceHandlerException {
        fold(foldId).meetIterationStart(valuePos, keeper);
    }

    public void meetIterationEnd(int foldId) throws TraceHandlerException {
        fold(foldId).meetIterationEnd(keeper);
    }

    public void meetBackIterator(int foldId) throws TraceHandlerException {
        fold(foldId).meetBackIterator(keeper);
    }

    public void meetGenerationEnd(int foldId) throws TraceHandlerException {
        fold(foldId).meetGenerationEnd(keeper);
    }

    public void meetFoldEnd(int foldId) throws TraceHandlerException {
        FoldFsm fsm = folds.remove(foldId);
        if (fsm == null) {
            throw new TraceHandlerException("fold FSM for fold id " + foldId + " wasn't found");
        }
        fsm.meetFoldEnd(keeper);
    }

    private FoldFsm fold(int foldId) throws TraceHandlerException {
        FoldFsm fsm = folds.get(foldId);
        if (fsm == null) {
            throw new TraceHandlerException("fold FSM for fold id " + foldId + " wasn't found");
        }
        return fsm;
    }

    // ---- generations ------------------------------------------------------------------------------

    /** Compaction: rewrites the generation of the stream call or ap state at {@code pos}. */
    public void updateGeneration(long pos, long generation) throws GenerationException {
        if (pos < 0 || pos >= keeper.result.size()) {
            throw new GenerationException("trying to change generation of an invalid trace position " + pos);
        }
        ExecutedState state = keeper.result.get((int) pos);
        if (state instanceof ExecutedState.Ap) {
            keeper.result.set((int) pos, new ExecutedState.Ap(Mergers.singleton(generation)));
        } else if (state instanceof ExecutedState.Call c && c.result() instanceof CallResult.Executed e
                && e.value() instanceof ValueRef.Stream s) {
            keeper.result.set((int) pos, new ExecutedState.Call(
                    new CallResult.Executed(new ValueRef.Stream(s.serviceResultCid(), generation))));
        } else {
            throw new GenerationException("trying to change generation of a state " + StateText.of(state) + " on "
                    + pos + " position, the state doesn't contain generation");
        }
    }

    /** AquaVM's {@code GenerationCompactificationError} (uncatchable 20001). */
    public static final class GenerationException extends Exception {
        private static final long serialVersionUID = 1L;

        GenerationException(String message) {
            super(message, null, false, false);
        }
    }
}
