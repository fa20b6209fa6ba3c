package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.vectors.transcript.TranscriptCheck;
import dev.aurum.vectors.transcript.TranscriptFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aurum vectors check FILE.jsonl}: replays a transcript on an engine and compares every outcome. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Run every invoke of a transcript on an engine and compare the outcome",
            "with the recorded one.",
            "",
            "The comparison is semantic, in this order: ret_code; error message;",
            "call requests (decoded); next peers (as a set); data (decoded and compared",
            "through its sorted human-readable form, the text of avm.wasm's",
            "to_human_readable_data, because AquaVM's bytes depend on hash order).",
            "Prints one line per mismatch with its line number and the first differing",
            "field, then 'N passed, M failed'. An unreadable line counts as failed.",
            "",
            "Examples:",
            "  aurum vectors check transcripts/fork-join.jsonl --engine reference",
            "  aurum vectors check host-capture.jsonl --engine java --json"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line matched", "1:a mismatch, an unreadable line, or no invoke at all",
            "2:unreadable file or engine unavailable"})
public final class VectorsCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jsonl", description = "invoke transcript (JSON Lines, docs/formats.md)")
    Path file;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--json", description = "print the result as one JSON object instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, TranscriptFormat.MAX_LINE_BYTES);
        } catch (BoundedFile.Unreadable e) {
            err.println("aurum vectors check: " + e.getMessage());
            return 2;
        }
        AquaVm vm;
        try {
            vm = EngineChoice.create(engine);
        } catch (EngineChoice.UnavailableEngine e) {
            err.println("aurum vectors check: " + e.getMessage());
            return 2;
        }
        TranscriptCheck.Report report = TranscriptCheck.run(bytes, vm);
        if (json) {
            out.println(toJson(report));
        } else {
            for (TranscriptCheck.LineResult l : report.lines()) {
                if (!l.passed()) {
                    out.println("line " + l.lineNumber() + ": " + l.field() + ": " + l.detail());
                }
            }
            out.println(report.passed() + " passed, " + report.failed() + " failed");
        }
        out.flush();
        if (report.lines().isEmpty()) {
            err.println("aurum vectors check: " + file + " has no invoke lines");
            return 1;
        }
        return report.allPassed() ? 0 : 1;
    }

    private static String toJson(TranscriptCheck.Report report) {
        JsonWriter w = JsonWriter.compactWriter().beginObject();
        w.name("engine").value(report.engine());
        w.name("passed").value(dev.aurum.aquavm.json.JsonValue.of(report.passed()));
        w.name("failed").value(dev.aurum.aquavm.json.JsonValue.of(report.failed()));
        w.name("mismatches").beginArray();
        for (TranscriptCheck.LineResult l : report.lines()) {
            if (!l.passed()) {
                w.beginObject();
                w.name("line").value(dev.aurum.aquavm.json.JsonValue.of(l.lineNumber()));
                w.name("field").value(l.field());
                w.name("detail").value(l.detail());
                w.endObject();
            }
        }
        w.endArray().endObject();
        return new String(w.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
