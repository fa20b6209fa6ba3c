package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.interpreter.value.FoldIterable;
import java.util.Optional;

/** A running fold: its values and cursor, the body {@code next} re-runs and the optional last instruction. */
final class FoldState {

    final FoldIterable iterable;
    /** -1 for a fold over a scalar, canon or array; the fold id for a fold over a stream or map. */
    final int streamFoldId;
    final Instruction body;
    final Optional<Instruction> last;
    boolean backIterationStarted;

    FoldState(FoldIterable iterable, int streamFoldId, Instruction body, Optional<Instruction> last) {
        this.iterable = iterable;
        this.streamFoldId = streamFoldId;
        this.body = body;
        this.last = last;
    }

    boolean overStream() {
        return streamFoldId >= 0;
    }
}
