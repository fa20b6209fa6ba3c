package dev.aurum.vectors.transcript;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;

import java.util.ArrayList;
import java.util.List;

/** An engine that passes every invoke to another engine and records it as a transcript line. */
public final class RecordingAquaVm implements AquaVm {

    private final AquaVm engine;
    private final List<InvokeLine> lines = new ArrayList<>();

    public RecordingAquaVm(AquaVm engine) {
        this.engine = engine;
    }

    @Override
    public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                     byte[] callResults) {
        InterpreterOutcome out = engine.invoke(air, prevData, currentData, params, callResults);
        lines.add(new InvokeLine(air, prevData, currentData, params, callResults, out));
        return out;
    }

    @Override
    public String name() {
        return engine.name();
    }

    /** Every invoke so far, in call order. */
    public List<InvokeLine> lines() {
        return List.copyOf(lines);
    }
}
