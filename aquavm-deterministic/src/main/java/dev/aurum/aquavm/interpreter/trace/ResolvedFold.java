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

    /**
     * Rust's {@code Debug} of AquaVM's {@code ResolvedFold}, as trace errors embed it. AquaVM's lore is a
     * HashMap (process-random order); this renders it in key order.
     */
    String debugText() {
        StringBuilder sb = new StringBuilder("ResolvedFold { lore: {");
        boolean first = true;
        for (Map.Entry<Long, Descs> e : new java.util.TreeMap<>(lore).entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(": ResolvedSubTraceDescs { before_subtrace: ")
                    .append(debugText(e.getValue().before())).append(", after_subtrace: ")
                    .append(debugText(e.getValue().after())).append(" }");
            first = false;
        }
        return sb.append("}, fold_states_count: ").append(foldStatesCount).append(" }").toString();
    }

    private static String debugText(SubTraceDesc d) {
        return "SubTraceDesc { begin_pos: " + d.beginPos() + ", subtrace_len: " + d.subtraceLen() + " }";
    }

    /** The resolved before- and after-{@code next} sub-traces of one iteration. */
    record Descs(SubTraceDesc before, SubTraceDesc after) {
    }
}
