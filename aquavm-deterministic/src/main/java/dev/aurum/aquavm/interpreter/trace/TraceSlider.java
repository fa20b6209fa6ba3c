package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.ExecutedState;
import java.util.List;

/**
 * A window over one input trace (prev or current): the states from {@code position} on, at most
 * {@code subtraceLen} of them. Instructions take states one by one; par and fold narrow and move the
 * window. Positions and lengths are u32 values kept in longs.
 */
public final class TraceSlider {

    private final List<ExecutedState> trace;
    private long position;
    private long subtraceLen;
    private long seen;

    public TraceSlider(List<ExecutedState> trace) {
        this.trace = List.copyOf(trace);
        this.subtraceLen = trace.size();
    }

    /** The next state of the window, or null once the window or the trace is exhausted. */
    public ExecutedState nextState() {
        if (seen >= subtraceLen || position >= trace.size()) {
            return null;
        }
        ExecutedState state = trace.get((int) position);
        position++;
        seen++;
        return state;
    }

    public void setPositionAndLen(long newPosition, long newLen) throws TraceHandlerException {
        // AquaVM allows an empty window at any position
        if (newLen != 0 && newPosition + newLen > trace.size()) {
            throw new TraceHandlerException("executed trace has " + trace.size() + " elements, but tried to set "
                    + newLen + " subtrace_len and " + newPosition + " position");
        }
        position = newPosition;
        subtraceLen = newLen;
        seen = 0;
    }

    public void setSubtraceLen(long newLen) throws TraceHandlerException {
        long remainder = trace.size() - position;
        if (remainder < newLen) {
            throw new TraceHandlerException("executed trace has " + trace.size() + " elements and current position is "
                    + position + ", but tried to set " + newLen + " subtrace_len");
        }
        seen = 0;
        subtraceLen = newLen;
    }

    public long position() {
        return position;
    }

    /** States the window may still yield. */
    public long subtraceLen() {
        return subtraceLen - seen;
    }

    public ExecutedState stateAt(long pos) {
        return pos >= 0 && pos < trace.size() ? trace.get((int) pos) : null;
    }

    public int traceLen() {
        return trace.size();
    }
}
