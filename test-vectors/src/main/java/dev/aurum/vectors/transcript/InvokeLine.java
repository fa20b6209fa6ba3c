package dev.aurum.vectors.transcript;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;

import java.util.Objects;

/**
 * One line of an invoke transcript: the inputs of one AquaVM invoke and the outcome the recording
 * engine gave. {@code prevData}/{@code data} are msgpack data envelopes (empty = none); {@code callResults}
 * is the multiformat-msgpack call results map.
 */
public record InvokeLine(String air, byte[] prevData, byte[] data, RunParameters params, byte[] callResults,
                         InterpreterOutcome out) {

    public InvokeLine {
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(out, "out");
        prevData = prevData.clone();
        data = data.clone();
        callResults = callResults.clone();
    }

    @Override
    public byte[] prevData() {
        return prevData.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] callResults() {
        return callResults.clone();
    }

    /** Runs this line's invoke on {@code engine}. */
    public InterpreterOutcome replay(dev.aurum.aquavm.AquaVm engine) {
        return engine.invoke(air, prevData, data, params, callResults);
    }

    /** The same invoke with other prev/current data (used by the round-trip test). */
    public InvokeLine withData(byte[] newPrev, byte[] newCurrent) {
        return new InvokeLine(air, newPrev, newCurrent, params, callResults, out);
    }
}
