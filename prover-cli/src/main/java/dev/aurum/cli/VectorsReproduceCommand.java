package dev.aurum.cli;

import dev.aurum.vectors.Reproducer;
import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import dev.aurum.vectors.VectorSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aurum vectors reproduce}: regenerates every shipped vector and byte-compares it with the committed set. */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        description = {"Regenerate every shipped vector from its seeds and code and byte-compare",
            "it with the committed set.",
            "",
            "Vector sets are made by seeded, deterministic code; sets made by AquaVM run",
            "the project's scenarios on the reference avm.wasm 0.62.0 (in Chicory, with a",
            "fixed clock and zero randomness), so the bytes are the same on every machine.",
            "SHA256SUMS lists every file. Prints each file that is not identical with",
            "where it first differs, then a summary.",
            "",
            "Examples:",
            "  aurum vectors reproduce",
            "  aurum vectors reproduce --out /tmp/vectors",
            "  aurum vectors reproduce --committed test-vectors/src/main/resources/vectors",
            "  aurum vectors reproduce --set codec --set transcripts"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every vector was reproduced byte for byte", "1:a vector differs or is missing",
            "2:the vectors could not be generated or written"})
public final class VectorsReproduceCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "also write the regenerated files under DIR")
    Path out;

    @Option(names = "--committed", paramLabel = "DIR",
            description = "compare with the vectors under DIR instead of the set this build ships")
    Path committed;

    @Option(names = "--set", paramLabel = "NAME",
            description = "reproduce only this set (repeatable; SHA256SUMS is then not compared): ${COMPLETION-CANDIDATES}",
            completionCandidates = SetNames.class)
    java.util.List<String> only;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The registered set names, for --help. */
    static final class SetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (VectorSet s : VectorSets.all()) {
                names.add(s.name());
            }
            return names.iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.List<VectorSet> sets = new java.util.ArrayList<>();
        for (VectorSet s : VectorSets.all()) {
            if (only == null || only.contains(s.name())) {
                sets.add(s);
            }
        }
        if (only != null) {
            for (String name : only) {
                if (sets.stream().noneMatch(s -> s.name().equals(name))) {
                    err.println("aurum vectors reproduce: no vector set '" + name + "'; sets: " + names(VectorSets.all()));
                    return 2;
                }
            }
        }
        Reproducer.Report report;
        try {
            report = Reproducer.reproduce(new VectorContext(), sets, only == null,
                    committed == null ? Reproducer.Committed.classpath() : Reproducer.Committed.directory(committed), out);
        } catch (UncheckedIOException e) {
            err.println("aurum vectors reproduce: " + e.getCause().getMessage());
            return 2;
        }
        int identical = 0;
        for (Reproducer.FileResult f : report.files()) {
            if (f.status() == Reproducer.Status.IDENTICAL) {
                identical++;
            } else {
                o.println(f.status() + " " + f.path() + ": " + f.detail());
            }
        }
        o.println(identical + " identical, " + (report.files().size() - identical) + " not (" + report.files().size()
                + " files; sets: " + names(sets) + ")");
        if (out != null) {
            o.println("regenerated files written under " + out);
        }
        o.flush();
        return report.allIdentical() ? 0 : 1;
    }

    private static String names(java.util.List<VectorSet> sets) {
        StringBuilder sb = new StringBuilder();
        for (VectorSet s : sets) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.name());
        }
        return sb.toString();
    }
}
