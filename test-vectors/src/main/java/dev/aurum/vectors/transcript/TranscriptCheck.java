package dev.aurum.vectors.transcript;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every line of a transcript on an engine and compares the outcome with the line's {@code out}. */
public final class TranscriptCheck {

    /** The verdict on one line; {@code field} is empty when the line passed. */
    public record LineResult(int lineNumber, boolean passed, String field, String detail) {
    }

    /** All verdicts, in line order. */
    public record Report(String engine, List<LineResult> lines) {
        public Report {
            lines = List.copyOf(lines);
        }

        public int passed() {
            int n = 0;
            for (LineResult l : lines) {
                n += l.passed() ? 1 : 0;
            }
            return n;
        }

        public int failed() {
            return lines.size() - passed();
        }

        public boolean allPassed() {
            return failed() == 0;
        }
    }

    private TranscriptCheck() {
    }

    public static Report run(byte[] transcriptFile, AquaVm engine) {
        List<LineResult> results = new ArrayList<>();
        for (TranscriptFormat.Entry entry : TranscriptFormat.parseAll(transcriptFile)) {
            if (entry.error() != null) {
                results.add(new LineResult(entry.lineNumber(), false, "line", "unreadable: " + entry.error().getMessage()));
                continue;
            }
            InterpreterOutcome actual;
            try {
                actual = entry.line().replay(engine);
            } catch (RuntimeException e) {
                // the engine crashed (e.g. a wasm trap): a mismatch of this line, not of the whole check
                results.add(new LineResult(entry.lineNumber(), false, "engine",
                        engine.name() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            Optional<OutcomeDiff.Difference> d = OutcomeDiff.first(entry.line().out(), actual);
            results.add(d.map(x -> new LineResult(entry.lineNumber(), false, x.field(),
                            "expected " + x.expected() + ", got " + x.actual()))
                    .orElseGet(() -> new LineResult(entry.lineNumber(), true, "", "")));
        }
        return new Report(engine.name(), results);
    }
}
