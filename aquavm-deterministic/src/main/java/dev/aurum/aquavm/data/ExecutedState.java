package dev.aurum.aquavm.data;

import java.util.List;
import java.util.Objects;

/** One state of the execution trace. rkyv tags follow declaration order: Par 0, Call 1, Fold 2, Ap 3, Canon 4. */
public sealed interface ExecutedState {

    /** A {@code par}: how many states its left and right subtrees hold, nested states included. */
    record Par(long leftSize, long rightSize) implements ExecutedState {
        public Par {
            U32.check(leftSize, "par.left_size");
            U32.check(rightSize, "par.right_size");
        }
    }

    /** A {@code call}. */
    record Call(CallResult result) implements ExecutedState {
        public Call {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A {@code fold} over a stream: one lore entry per iteration. */
    record Fold(List<FoldSubTraceLore> lore) implements ExecutedState {
        public Fold {
            lore = List.copyOf(lore);
        }
    }

    /** An {@code ap} to a stream: the generation(s) the value went to (u32 each). */
    record Ap(List<Long> resGenerations) implements ExecutedState {
        public Ap {
            resGenerations = List.copyOf(resGenerations);
            for (Long g : resGenerations) {
                U32.check(g, "ap.res_generations");
            }
        }
    }

    /** A {@code canon}. */
    record Canon(CanonResult result) implements ExecutedState {
        public Canon {
            Objects.requireNonNull(result, "result");
        }
    }
}
