package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scoped variable slots (AquaVM's {@code ValuesSparseMatrix}). Depth 0 is global; a fold enters a new
 * depth and each {@code next} another, and only the current depth and the fold's own depth are visible.
 * Outside folds a variable is write-once; {@code new} pushes an empty slot. The maps are only looked up
 * or cleaned, never iterated into output.
 */
final class SparseMatrix<T> {

    private static final int GLOBAL_DEPTH = 0;

    private final Map<String, List<Cell<T>>> cells = new HashMap<>();
    private final Set<Integer> allowedDepths = new HashSet<>();
    private int currentDepth = GLOBAL_DEPTH;

    SparseMatrix() {
        allowedDepths.add(GLOBAL_DEPTH);
    }

    private static final class Cell<T> {
        final int depth;
        T value;

        Cell(int depth, T value) {
            this.depth = depth;
            this.value = value;
        }
    }

    void set(String name, T value) throws ExecutionError {
        boolean couldBeSet = couldBeSet(name);
        List<Cell<T>> values = cells.get(name);
        if (values == null) {
            List<Cell<T>> list = new ArrayList<>(1);
            list.add(new Cell<>(currentDepth, value));
            cells.put(name, list);
            return;
        }
        if (!couldBeSet) {
            throw ExecutionError.uncatchable(ErrorKind.SHADOWING_IS_NOT_ALLOWED, "trying to shadow variable '" + name
                    + "', but shadowing is allowed only inside fold blocks");
        }
        Cell<T> last = values.get(values.size() - 1);
        if (last.depth == currentDepth) {
            last.value = value;
        } else {
            values.add(new Cell<>(currentDepth, value));
        }
    }

    /** Whether a slot exists and is visible; {@link #value} is then the value, possibly null after new. */
    boolean visible(String name) {
        List<Cell<T>> values = cells.get(name);
        return values != null && allowedDepths.contains(values.get(values.size() - 1).depth);
    }

    T value(String name) {
        List<Cell<T>> values = cells.get(name);
        return values.get(values.size() - 1).value;
    }

    boolean couldBeSet(String name) {
        if (currentDepth != GLOBAL_DEPTH) {
            return true;
        }
        List<Cell<T>> values = cells.get(name);
        return values != null && values.get(values.size() - 1).value == null;
    }

    void meetFoldStart() {
        currentDepth++;
        allowedDepths.add(currentDepth);
    }

    void meetNextBefore() {
        allowedDepths.remove(currentDepth);
        currentDepth++;
        allowedDepths.add(currentDepth);
    }

    void meetNextAfter() {
        allowedDepths.remove(currentDepth);
        currentDepth--;
        allowedDepths.add(currentDepth);
        cleanup();
    }

    void meetFoldEnd() {
        allowedDepths.remove(currentDepth);
        currentDepth--;
        cleanup();
    }

    void meetNewStart(String name) {
        cells.computeIfAbsent(name, k -> new ArrayList<>(1)).add(new Cell<>(currentDepth, null));
    }

    void meetNewEnd(String name) throws ExecutionError {
        List<Cell<T>> values = cells.get(name);
        boolean ok = false;
        boolean removeAll = false;
        if (values != null) {
            if (values.size() > 1) {
                Cell<T> popped = values.remove(values.size() - 1);
                ok = popped.depth == currentDepth;
            } else if (values.get(0).depth == currentDepth) {
                ok = true;
                removeAll = true;
            }
        }
        if (!ok) {
            throw ExecutionError.uncatchable(ErrorKind.SCALARS_STATE_CORRUPTED, "new end block tries to pop up a "
                    + "variable '" + name + "' that wasn't defined at depth " + currentDepth);
        }
        if (removeAll) {
            cells.remove(name);
        }
    }

    private void cleanup() {
        Iterator<Map.Entry<String, List<Cell<T>>>> it = cells.entrySet().iterator();
        while (it.hasNext()) {
            List<Cell<T>> values = it.next().getValue();
            int depth = values.get(values.size() - 1).depth;
            if (depth != GLOBAL_DEPTH && depth > currentDepth) {
                if (values.size() > 1) {
                    values.remove(values.size() - 1);
                } else {
                    it.remove();
                }
            }
        }
    }
}
