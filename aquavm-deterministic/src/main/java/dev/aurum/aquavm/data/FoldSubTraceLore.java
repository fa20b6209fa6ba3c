package dev.aurum.aquavm.data;

import java.util.List;

/**
 * One fold iteration: {@code valuePos} (u32) is the trace position of the state that produced the
 * iterated value; {@code subtracesDesc} describes the states written before and after {@code next}
 * (AquaVM always writes two).
 */
public record FoldSubTraceLore(long valuePos, List<SubTraceDesc> subtracesDesc) {

    public FoldSubTraceLore {
        U32.check(valuePos, "fold.lore.pos");
        subtracesDesc = List.copyOf(subtracesDesc);
    }
}
