package dev.aurum.vectors;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.vectors.transcript.InvokeLine;
import dev.aurum.vectors.transcript.RecordingAquaVm;

import java.util.List;
import java.util.TreeMap;

/**
 * What generators share within one reproduction: one prepared reference engine (preparing avm.wasm
 * takes seconds, so it is made once) and each scenario's recorded run, so that sets built from the
 * same runs do not run them twice.
 */
public final class VectorContext {

    /** One scenario run on the reference engine: every invoke in order, and the network's record. */
    public record RecordedRun(String scenario, List<InvokeLine> invokes, NetworkRun run) {
        public RecordedRun {
            invokes = List.copyOf(invokes);
        }
    }

    private AquaVm reference;
    private final TreeMap<String, RecordedRun> runs = new TreeMap<>();

    public VectorContext() {
    }

    /** Uses an already prepared engine (tests share one). */
    public VectorContext(AquaVm reference) {
        this.reference = reference;
    }

    public AquaVm reference() {
        if (reference == null) {
            reference = new ReferenceAquaVm();
        }
        return reference;
    }

    public RecordedRun recorded(String scenario) {
        RecordedRun r = runs.get(scenario);
        if (r == null) {
            RecordingAquaVm recorder = new RecordingAquaVm(reference());
            NetworkRun run = ScenarioCatalog.load(scenario).run(recorder);
            r = new RecordedRun(scenario, recorder.lines(), run);
            runs.put(scenario, r);
        }
        return r;
    }
}
