package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.SubTraceDesc;
import java.util.HashMap;
import java.util.Map;

/**
 * A fold state of one input with its lore keyed by value position and its sub-trace lengths convolved
 * (cumulative), as the fold state machine needs them. Looked up and removed by key only.
 */
final class ResolvedFold {

    static final ResolvedFold EMPTY = new ResolvedFold(new HashMap<>(), 0);

    final Map<Long, Descs> lore;
    final long foldStatesCount;

    ResolvedFold(Map<Long, Descs> lore, long foldStatesCount) {
        this.lore = lore;
        this.foldStatesCount = foldStatesCount;
    }

    static ResolvedFold empty() {
        return new ResolvedFold(new HashMap<>(), 0);
    }

    /** The resolved before- and after-{@code next} sub-traces of one iteration. */
    record Descs(SubTraceDesc before, SubTraceDesc after) {
    }
}
