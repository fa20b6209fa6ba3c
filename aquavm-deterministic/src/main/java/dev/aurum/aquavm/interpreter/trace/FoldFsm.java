package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.U32;
import java.util.ArrayList;
import java.util.List;

/**
 * The fold state machine of a fold over a stream. Each iteration is matched to the input lore entry of
 * the same stream value (through the position maps); the sliders are set to that entry's before-
 * {@code next} part when the iteration starts and to its after-{@code next} part on the way back. The
 * new lore records where each iteration's parts landed in the result.
 */
final class FoldFsm {

    private final ResolvedFold prevFold;
    private final ResolvedFold currentFold;
    private final int insertPos;
    private final SliderState prevFinal;
    private final SliderState currentFinal;
    private final List<LoreCtor> queue = new ArrayList<>();
    private int backPos;
    private boolean backStarted;
    private final List<FoldSubTraceLore> resultLore = new ArrayList<>();

    FoldFsm(ResolvedFold prevFold, ResolvedFold currentFold, DataKeeper keeper) throws TraceHandlerException {
        this.prevFold = prevFold;
        this.currentFold = currentFold;
        this.insertPos = keeper.result.size();
        keeper.result.add(new ExecutedState.Par(0, 0));
        this.prevFinal = finalState(prevFold, keeper.prev, "previous");
        this.currentFinal = finalState(currentFold, keeper.current, "current");
    }

    void meetIterationStart(long valuePos, DataKeeper keeper) throws TraceHandlerException {
        Long prevPos = keeper.newToPrev.get(valuePos);
        Long currentPos = keeper.newToCurrent.get(valuePos);
        ResolvedFold.Descs prevLore = prevPos == null ? null : prevFold.lore.remove(prevPos);
        ResolvedFold.Descs currentLore = currentPos == null ? null : currentFold.lore.remove(currentPos);
        apply(keeper.prev, prevLore, true);
        apply(keeper.current, currentLore, true);
        queue.add(new LoreCtor(valuePos, keeper.resultNextPos(), prevLore, currentLore));
        backPos++;
    }

    void meetIterationEnd(DataKeeper keeper) {
        current().beforeEnd(keeper);
    }

    void meetBackIterator(DataKeeper keeper) throws TraceHandlerException {
        if (!backStarted) {
            LoreCtor ctor = current();
            ctor.maybeBeforeEnd(keeper);
            ctor.afterStart(keeper);
            apply(keeper.prev, ctor.prevLore, false);
            apply(keeper.current, ctor.currentLore, false);
            backStarted = true;
        } else {
            current().afterEnd(keeper);
            backPos--;
            LoreCtor ctor = current();
            ctor.afterStart(keeper);
            apply(keeper.prev, ctor.prevLore, false);
            apply(keeper.current, ctor.currentLore, false);
        }
    }

    void meetGenerationEnd(DataKeeper keeper) {
        for (LoreCtor ctor : queue) {
            ctor.finish(keeper);
        }
        backPos = 0;
        backStarted = false;
        for (LoreCtor ctor : queue) {
            resultLore.add(ctor.toLore());
        }
        queue.clear();
    }

    void meetFoldEnd(DataKeeper keeper) {
        keeper.result.set(insertPos, new ExecutedState.Fold(resultLore));
        prevFinal.applyIgnoringErrors(keeper.prev);
        currentFinal.applyIgnoringErrors(keeper.current);
    }

    private LoreCtor current() {
        if (backPos < 1 || backPos > queue.size()) {
            // unreachable for instruction sequences the evaluator produces; AquaVM would panic here
            throw new IllegalStateException("fold state machine has no open iteration");
        }
        return queue.get(backPos - 1);
    }

    private static void apply(TraceSlider slider, ResolvedFold.Descs lore, boolean before)
            throws TraceHandlerException {
        if (lore == null) {
            slider.setSubtraceLen(0);
        } else {
            SubTraceDesc d = before ? lore.before() : lore.after();
            slider.setPositionAndLen(d.beginPos(), d.subtraceLen());
        }
    }

    private static SliderState finalState(ResolvedFold fold, TraceSlider slider, String side)
            throws TraceHandlerException {
        long pos = slider.position() + fold.foldStatesCount;
        if (pos > U32.MAX) {
            throw new TraceHandlerException("overflow is occurred while calculating the new position of a " + side
                    + " slider for resolved fold " + fold.debugText() + " and current position " + slider.position() + "'");
        }
        long len = slider.subtraceLen() - fold.foldStatesCount;
        if (len < 0) {
            throw new TraceHandlerException("underflow is occurred while calculating the new position of a " + side
                    + " slider for resolved fold " + fold.debugText() + " and current subtrace len "
                    + slider.position() + "'"); // AquaVM passes the position here too
        }
        return new SliderState(pos, len);
    }

    /** Builds one lore entry: where an iteration's before- and after-{@code next} parts landed. */
    private static final class LoreCtor {
        private static final int BEFORE_STARTED = 0;
        private static final int BEFORE_COMPLETED = 1;
        private static final int AFTER_STARTED = 2;
        private static final int AFTER_COMPLETED = 3;

        final long valuePos;
        final ResolvedFold.Descs prevLore;
        final ResolvedFold.Descs currentLore;
        private final long beforeStart;
        private long beforeEnd;
        private long afterStart;
        private long afterEnd;
        private int state = BEFORE_STARTED;

        LoreCtor(long valuePos, long beforeStart, ResolvedFold.Descs prevLore, ResolvedFold.Descs currentLore) {
            this.valuePos = valuePos;
            this.beforeStart = beforeStart;
            this.prevLore = prevLore;
            this.currentLore = currentLore;
        }

        void beforeEnd(DataKeeper keeper) {
            beforeEnd = keeper.resultNextPos();
            advance();
        }

        void maybeBeforeEnd(DataKeeper keeper) {
            if (state == BEFORE_STARTED) {
                beforeEnd(keeper);
            }
        }

        void afterStart(DataKeeper keeper) {
            afterStart = keeper.resultNextPos();
            advance();
        }

        void afterEnd(DataKeeper keeper) {
            afterEnd = keeper.resultNextPos();
            advance();
        }

        void finish(DataKeeper keeper) {
            switch (state) {
                case BEFORE_STARTED -> {
                    beforeEnd(keeper);
                    afterStart(keeper);
                    afterEnd(keeper);
                }
                case BEFORE_COMPLETED -> {
                    afterStart(keeper);
                    afterEnd(keeper);
                }
                case AFTER_STARTED -> afterEnd(keeper);
                default -> {
                }
            }
        }

        private void advance() {
            if (state < AFTER_COMPLETED) {
                state++;
            }
        }

        FoldSubTraceLore toLore() {
            return new FoldSubTraceLore(valuePos, List.of(
                    new SubTraceDesc(beforeStart, (beforeEnd - beforeStart) & U32.MAX),
                    new SubTraceDesc(afterStart, (afterEnd - afterStart) & U32.MAX)));
        }
    }
}
