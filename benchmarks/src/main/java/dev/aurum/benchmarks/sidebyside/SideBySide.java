package dev.aurum.benchmarks.sidebyside;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.benchmarks.report.Decimal;
import dev.aurum.benchmarks.report.Machine;
import dev.aurum.vectors.transcript.InvokeLine;
import dev.aurum.vectors.transcript.OutcomeDiff;
import dev.aurum.vectors.transcript.TranscriptFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The side-by-side harness: runs the shipped invoke transcripts ({@code /vectors/transcripts/*.jsonl}) on the
 * Java engine, on avm.wasm in Chicory ({@link ReferenceAquaVm}) and on avm.wasm under Node/V8
 * ({@link NodeAvm}), interleaved: every round runs every scenario on all three engines, in an order that
 * rotates with the round and the scenario, so load changes on the shared machine hit all engines alike.
 * The first round is a warm-up; it also checks every engine's outcome against the transcript (semantically,
 * as {@code aurum vectors check} does) and a mismatch stops the run. Prints per-scenario medians of the
 * time to run all of a scenario's invokes, and their ratios.
 *
 * <p>Times are per invoke, summed per scenario: on the JVM {@code System.nanoTime} around
 * {@link AquaVm#invoke}; under Node {@code process.hrtime} inside the runner around instantiate + invoke +
 * reading the outcome (the JSON pipe is not timed). Both avm.wasm hosts use a fresh instance per invoke.
 * This is a wall-clock harness, not JMH: read the ratios, and the load average printed beside them.
 *
 * <pre>
 * java -cp ... dev.aurum.benchmarks.sidebyside.SideBySide [--rounds N] [--scenarios a,b,...] [--node PATH]
 * </pre>
 */
public final class SideBySide {

    /** The engines, in table order. */
    public static final List<String> ENGINES = List.of("java", "reference", "node");

    /** One scenario's median nanoseconds per engine (all its invokes, one round). */
    public record ScenarioTimes(String scenario, int invokes, Map<String, Long> medianNanos) {
    }

    public record Result(List<ScenarioTimes> scenarios, int rounds, String nodeVersion) {
        public Result {
            scenarios = List.copyOf(scenarios);
        }

        long total(String engine) {
            long sum = 0;
            for (ScenarioTimes s : scenarios) {
                sum += s.medianNanos().get(engine);
            }
            return sum;
        }

        int invokes() {
            int n = 0;
            for (ScenarioTimes s : scenarios) {
                n += s.invokes();
            }
            return n;
        }

        /** The table as Markdown (ms, 2 decimals; ratios to 1 decimal). */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("| scenario | invokes | Java engine ms | avm.wasm in Chicory ms | avm.wasm in Node ms"
                    + " | Chicory / Java | Node / Java | Chicory / Node |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ScenarioTimes s : scenarios) {
                row(out, s.scenario(), s.invokes(), s.medianNanos().get("java"), s.medianNanos().get("reference"),
                        s.medianNanos().get("node"));
            }
            row(out, "**all (sum of medians)**", invokes(), total("java"), total("reference"), total("node"));
            out.append("\nPer invoke (sum of medians / ").append(invokes()).append(" invokes): Java engine ")
                    .append(ms(total("java") / invokes())).append(" ms, avm.wasm in Chicory ")
                    .append(ms(total("reference") / invokes())).append(" ms, avm.wasm in Node ")
                    .append(ms(total("node") / invokes())).append(" ms.\n");
            return out.toString();
        }

        private static void row(StringBuilder out, String name, int invokes, long java, long reference, long node) {
            out.append("| ").append(name).append(" | ").append(invokes).append(" | ").append(ms(java)).append(" | ")
                    .append(ms(reference)).append(" | ").append(ms(node)).append(" | ").append(ratio(reference, java))
                    .append(" | ").append(ratio(node, java)).append(" | ").append(ratio(reference, node)).append(" |\n");
        }
    }

    private SideBySide() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        List<String> scenarios = shippedScenarios();
        String node = System.getenv().getOrDefault("NODE", "node");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = List.of(args[++i].split(","));
                case "--node" -> node = args[++i];
                default -> {
                    System.err.println("usage: SideBySide [--rounds N] [--scenarios a,b,...] [--node PATH]");
                    System.exit(2);
                }
            }
        }
        Result result = run(scenarios, rounds, node, System.out);
        System.out.println();
        System.out.println("avm.wasm 0.62.0 in Chicory 1.7.5 and under " + result.nodeVersion() + "; "
                + Machine.describe().oneLine());
        System.out.println();
        System.out.print(result.markdown());
    }

    /** The scenario names of the shipped transcripts, from the vectors' {@code SHA256SUMS} index. */
    public static List<String> shippedScenarios() {
        List<String> names = new ArrayList<>();
        for (String line : new String(resource("/vectors/SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
            int at = line.indexOf("  transcripts/");
            if (at > 0 && line.endsWith(".jsonl")) {
                names.add(line.substring(at + "  transcripts/".length(), line.length() - ".jsonl".length()));
            }
        }
        return names;
    }

    /** Runs {@code rounds} measured rounds after one warm-up and checking round; progress goes to {@code log}. */
    public static Result run(List<String> scenarios, int rounds, String nodeExecutable, PrintStream log)
            throws IOException {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1");
        }
        Map<String, List<InvokeLine>> transcripts = new LinkedHashMap<>();
        for (String s : scenarios) {
            transcripts.put(s, load(s));
        }
        AquaVm java = new JavaAquaVm();
        AquaVm reference = new ReferenceAquaVm();
        Path work = Files.createTempDirectory("aurum-side-by-side");
        Map<String, Map<String, long[]>> samples = new LinkedHashMap<>();
        String nodeVersion;
        try (NodeAvm node = new NodeAvm(nodeExecutable, work)) {
            nodeVersion = node.version();
            for (int round = 0; round <= rounds; round++) {
                boolean warmup = round == 0;
                int scenarioIndex = 0;
                for (var e : transcripts.entrySet()) {
                    for (int k = 0; k < ENGINES.size(); k++) {
                        String engine = ENGINES.get((round + scenarioIndex + k) % ENGINES.size());
                        long nanos = runScenario(e.getKey(), e.getValue(), engine, java, reference, node, warmup);
                        if (!warmup) {
                            samples.computeIfAbsent(e.getKey(), x -> new LinkedHashMap<>())
                                    .computeIfAbsent(engine, x -> new long[rounds])[round - 1] = nanos;
                        }
                    }
                    scenarioIndex++;
                }
                log.println(warmup ? "warm-up round done: all outcomes agree with the transcripts"
                        : "round " + round + "/" + rounds + " done");
            }
        } finally {
            deleteQuietly(work);
        }
        List<ScenarioTimes> times = new ArrayList<>();
        for (var e : samples.entrySet()) {
            Map<String, Long> medians = new LinkedHashMap<>();
            for (String engine : ENGINES) {
                medians.put(engine, median(e.getValue().get(engine)));
            }
            times.add(new ScenarioTimes(e.getKey(), transcripts.get(e.getKey()).size(), medians));
        }
        return new Result(times, rounds, nodeVersion);
    }

    private static long runScenario(String scenario, List<InvokeLine> lines, String engine, AquaVm java,
                                    AquaVm reference, NodeAvm node, boolean check) throws IOException {
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            InvokeLine line = lines.get(i);
            InterpreterOutcome outcome;
            if (engine.equals("node")) {
                NodeAvm.Timed timed = node.invoke(line);
                outcome = timed.outcome();
                total += timed.nanos();
            } else {
                AquaVm vm = engine.equals("java") ? java : reference;
                long start = System.nanoTime();
                outcome = line.replay(vm);
                total += System.nanoTime() - start;
            }
            if (check) {
                Optional<OutcomeDiff.Difference> diff = OutcomeDiff.first(line.out(), outcome);
                if (diff.isPresent()) {
                    throw new IllegalStateException(scenario + " line " + (i + 1) + " on " + engine
                            + " differs from the transcript: " + diff.get());
                }
            }
        }
        return total;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String ms(long nanos) {
        return Decimal.fixed(nanos, 1_000_000L, 2);
    }

    static String ratio(long a, long b) {
        return b == 0 ? "—" : Decimal.fixed(a, b, 1) + "×";
    }

    private static List<InvokeLine> load(String scenario) {
        List<InvokeLine> lines = new ArrayList<>();
        for (TranscriptFormat.Entry e : TranscriptFormat.parseAll(resource("/vectors/transcripts/" + scenario + ".jsonl"))) {
            if (e.error() != null) {
                throw new IllegalStateException(scenario + " line " + e.lineNumber() + ": " + e.error().getMessage());
            }
            lines.add(e.line());
        }
        return lines;
    }

    static byte[] resource(String path) {
        try (InputStream in = SideBySide.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("not on the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
