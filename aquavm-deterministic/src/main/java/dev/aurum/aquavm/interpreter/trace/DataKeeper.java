package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.ExecutedState;
import java.util.ArrayList;
import java.util.List;

/** The two input sliders, the result trace being built and the result-to-input position maps. */
final class DataKeeper {

    final TraceSlider prev;
    final TraceSlider current;
    final PositionMap newToPrev = new PositionMap();
    final PositionMap newToCurrent = new PositionMap();
    final List<ExecutedState> result = new ArrayList<>();

    DataKeeper(List<ExecutedState> prevTrace, List<ExecutedState> currentTrace) {
        this.prev = new TraceSlider(prevTrace);
        this.current = new TraceSlider(currentTrace);
    }

    long resultNextPos() {
        return result.size();
    }

    TraceSlider slider(Side side) {
        return side == Side.PREVIOUS ? prev : current;
    }

    /** Records where the state about to be appended came from (call and ap merges only). */
    void mapPositions(Scheme scheme) {
        long newPos = resultNextPos();
        if (scheme != Scheme.CURRENT) {
            newToPrev.insert(newPos, prev.position() - 1);
        }
        if (scheme != Scheme.PREVIOUS) {
            newToCurrent.insert(newPos, current.position() - 1);
        }
    }

    /** Which input a slider reads. */
    enum Side {
        PREVIOUS("previous"), CURRENT("current");

        final String text;

        Side(String text) {
            this.text = text;
        }
    }

    /** Which inputs a merged state came from. */
    enum Scheme {
        PREVIOUS, CURRENT, BOTH;

        ValueSource source() {
            return this == CURRENT ? ValueSource.CURRENT : ValueSource.PREVIOUS;
        }
    }
}
