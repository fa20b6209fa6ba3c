package dev.aurum.vectors.sets;

import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.vectors.transcript.TranscriptFormat;

import java.util.SortedMap;
import java.util.TreeMap;

/** {@code transcripts/SCENARIO.jsonl}: every invoke of each scenario as run on the reference engine. */
public final class InvokeTranscripts implements VectorSet {

    public static final String DIRECTORY = "transcripts/";

    @Override
    public String name() {
        return "transcripts";
    }

    @Override
    public String description() {
        return "invoke transcripts (JSONL) of " + ScenarioCatalog.names().size()
                + " multi-peer scenarios on the reference avm.wasm 0.62.0";
    }

    @Override
    public SortedMap<String, byte[]> generate(VectorContext context) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (String scenario : ScenarioCatalog.names()) {
            files.put(DIRECTORY + scenario + ".jsonl", TranscriptFormat.writeAll(context.recorded(scenario).invokes()));
        }
        return files;
    }
}
