package dev.aurum.aquavm.interpreter.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * A one-to-one map from result-trace positions to input-trace positions (AquaVM uses a
 * {@code BiHashMap}): inserting a pair drops any earlier pair that shares either side. Only looked up,
 * never iterated, so hash order cannot reach any output.
 */
final class PositionMap {

    private final Map<Long, Long> forward = new HashMap<>();
    private final Map<Long, Long> backward = new HashMap<>();

    void insert(long resultPos, long inputPos) {
        Long oldInput = forward.remove(resultPos);
        if (oldInput != null) {
            backward.remove(oldInput);
        }
        Long oldResult = backward.remove(inputPos);
        if (oldResult != null) {
            forward.remove(oldResult);
        }
        forward.put(resultPos, inputPos);
        backward.put(inputPos, resultPos);
    }

    Long get(long resultPos) {
        return forward.get(resultPos);
    }
}
