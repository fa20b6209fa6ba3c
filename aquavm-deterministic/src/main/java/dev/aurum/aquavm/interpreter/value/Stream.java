package dev.aurum.aquavm.interpreter.value;

import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream: values grouped in generations, in three matrices - previous (states from prev data or both),
 * current (states only in current data) and new (produced in this run). Values read from data keep the
 * generation their state recorded; at compaction generations are renumbered densely and written back
 * into the trace.
 */
public final class Stream {

    /** AquaVM's limit on the values of one stream. */
    public static final int MAX_SIZE = 1024;

    private final SparseGenerations previous = new SparseGenerations();
    private final SparseGenerations current = new SparseGenerations();
    private final List<List<ValueAggregate>> fresh = new ArrayList<>();
    private int freshSize;

    public void add(ValueAggregate value, Generation generation) throws ExecutionError {
        switch (generation.kind()) {
            case PREVIOUS -> previous.add(value, generation.index());
            case CURRENT -> current.add(value, generation.index());
            case NEW -> {
                if (fresh.isEmpty()) {
                    fresh.add(new ArrayList<>());
                }
                fresh.get(fresh.size() - 1).add(value);
                freshSize++;
            }
        }
        if (previous.size + current.size + freshSize >= MAX_SIZE) {
            throw ExecutionError.uncatchable(ErrorKind.STREAM_SIZE_LIMIT_EXCEEDED,
                    "stream size goes over the allowed limit of " + MAX_SIZE);
        }
    }

    /** All values in stream order: previous, current, new generations. */
    public List<ValueAggregate> values() {
        List<ValueAggregate> out = new ArrayList<>();
        for (List<ValueAggregate> g : previous.gens.values()) {
            out.addAll(g);
        }
        for (List<ValueAggregate> g : current.gens.values()) {
            out.addAll(g);
        }
        for (List<ValueAggregate> g : fresh) {
            out.addAll(g);
        }
        return out;
    }

    /** Generation counts of the three matrices (empty generations included), AquaVM's stream cursor. */
    public long[] cursor() {
        return new long[] {previous.count, current.count, fresh.size()};
    }

    /**
     * The non-empty generations after the cursor. As in AquaVM, each matrix skips {@code cursor[i]}
     * non-empty generations although the cursor counted empty ones too.
     */
    public List<List<ValueAggregate>> slicesFrom(long[] cursor) {
        List<List<ValueAggregate>> out = new ArrayList<>();
        addSkipping(out, new ArrayList<>(previous.gens.values()), cursor[0]);
        addSkipping(out, new ArrayList<>(current.gens.values()), cursor[1]);
        List<List<ValueAggregate>> nonEmptyFresh = new ArrayList<>();
        for (List<ValueAggregate> g : fresh) {
            if (!g.isEmpty()) {
                nonEmptyFresh.add(g);
            }
        }
        addSkipping(out, nonEmptyFresh, cursor[2]);
        return out;
    }

    private static void addSkipping(List<List<ValueAggregate>> out, List<List<ValueAggregate>> gens, long skip) {
        for (int i = 0; i < gens.size(); i++) {
            if (i >= skip) {
                out.add(List.copyOf(gens.get(i)));
            }
        }
    }

    public void addNewEmptyGeneration() {
        fresh.add(new ArrayList<>());
    }

    public void removeLastGenerationIfEmpty() {
        if (!fresh.isEmpty() && fresh.get(fresh.size() - 1).isEmpty()) {
            fresh.remove(fresh.size() - 1);
        }
    }

    /** Drops empty generations, renumbers densely (previous, current, new) and patches the trace. */
    public void compact(TraceHandler trace) throws ExecutionError {
        long generation = 0;
        for (List<ValueAggregate> g : previous.gens.values()) {
            update(trace, g, generation++);
        }
        for (List<ValueAggregate> g : current.gens.values()) {
            update(trace, g, generation++);
        }
        for (List<ValueAggregate> g : fresh) {
            if (!g.isEmpty()) {
                update(trace, g, generation++);
            }
        }
    }

    private static void update(TraceHandler trace, List<ValueAggregate> values, long generation)
            throws ExecutionError {
        for (ValueAggregate v : values) {
            try {
                trace.updateGeneration(v.tracePos(), generation);
            } catch (TraceHandler.GenerationException e) {
                throw ExecutionError.uncatchable(ErrorKind.GENERATION_COMPACTIFICATION_ERROR, e.getMessage());
            }
        }
    }

    /**
     * Generations read from data, kept sparse: a hostile generation index must not allocate memory
     * (AquaVM resizes a vector to the index). {@code count} is the index of the last generation + 1.
     */
    private static final class SparseGenerations {
        final Map<Long, List<ValueAggregate>> gens = new TreeMap<>();
        long count;
        int size;

        void add(ValueAggregate value, long index) {
            if (index >= count) {
                count = index + 1;
            }
            gens.computeIfAbsent(index, k -> new ArrayList<>()).add(value);
            size++;
        }
    }
}
