package dev.aurum.benchmarks.report;

import dev.aurum.benchmarks.sidebyside.SideBySide;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark suite with short fixed settings and rewrites the generated sections of
 * {@code benchmarks/README.md} (between {@code <!-- generated:NAME begin -->} and {@code <!-- generated:NAME end -->}),
 * so that no number in them is typed by hand. Sections: {@code machine}, one per JMH suite ({@link #JMH_SECTIONS})
 * and {@code side-by-side} ({@link SideBySide}). Everything outside the
 * markers is left as it is. JMH forks use this JVM's classpath, so run it with the module's full classpath
 * ({@code benchmarks/run-suite} does).
 *
 * <pre>
 * BenchReport [--readme PATH] [--only SECTION,...] [--rounds N] [--node PATH]
 *             [--warmup N] [--iterations N] [--seconds S]
 * </pre>
 */
public final class BenchReport {

    /** JMH sections: README section name to the benchmark class it runs (all of its methods and parameters). */
    static final Map<String, String> JMH_SECTIONS = jmhSections();
    static final List<String> SECTIONS = sections();
    /** How often to try for the machine-wide JMH lock, 30 s apart. */
    private static final int LOCK_ATTEMPTS = 60;

    private BenchReport() {
    }

    private static Map<String, String> jmhSections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("parser", "dev.aurum.benchmarks.ParserBenchmark");
        m.put("codecs", "dev.aurum.benchmarks.codec.CodecBenchmark");
        m.put("engine-invoke", "dev.aurum.benchmarks.EngineInvokeBenchmark");
        m.put("trace-verify", "dev.aurum.benchmarks.TraceVerifyBenchmark");
        m.put("wasm-verifier", "dev.aurum.benchmarks.wasm.WasmVerifierBenchmark");
        m.put("mining", "dev.aurum.benchmarks.MiningBenchmark");
        m.put("mining-throughput", "dev.aurum.benchmarks.MiningThroughputBenchmark");
        return Collections.unmodifiableMap(m);
    }

    private static List<String> sections() {
        List<String> all = new ArrayList<>(JMH_SECTIONS.keySet());
        all.add("wasm-gas");
        all.add("side-by-side");
        return List.copyOf(all);
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Path readme = Path.of("benchmarks/README.md");
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        int rounds = 3;
        int warmup = 2;
        int iterations = 3;
        int seconds = 1;
        String node = System.getenv().getOrDefault("NODE", "node");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readme" -> readme = Path.of(args[++i]);
                case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--node" -> node = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: BenchReport [--readme PATH] [--only " + String.join(",", SECTIONS)
                            + "] [--rounds N] [--node PATH] [--warmup N] [--iterations N] [--seconds S]");
                    System.exit(2);
                }
            }
        }
        for (String s : only) {
            if (!SECTIONS.contains(s)) {
                throw new IllegalArgumentException("unknown section " + s + "; sections: " + SECTIONS);
            }
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        for (String s : only) {
            ReadmeSections.requireMarkers(text, s);
        }
        String loadBefore = Machine.currentLoadAverage();
        String jmhSettings = "JMH 1.37, 1 fork, " + warmup + " warm-up + " + iterations + " measured iterations of "
                + seconds + " s";
        for (String section : only) {
            String body = switch (section) {
                case "side-by-side" -> sideBySide(rounds, node);
                case "wasm-gas" -> dev.aurum.benchmarks.wasm.WasmGasReport.markdown(
                        Path.of("test-vectors/src/main/resources/vectors"));
                default -> {
                    Collection<RunResult> results = run(includeOf(JMH_SECTIONS.get(section)), warmup, iterations,
                            seconds);
                    yield jmhTable(results, jmhSettings) + Ratios.markdown(results);
                }
            };
            // rewrite after every section, so an interrupted run keeps what it measured
            text = ReadmeSections.replace(Files.readString(readme, StandardCharsets.UTF_8), section, body);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
            System.out.println("rewrote section " + section + " of " + readme);
        }
        Machine machine = Machine.describe();
        String machineText = "Last run of `benchmarks/run-suite` (sections: " + String.join(", ", only) + "): "
                + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC.\n\n"
                + "- CPUs: " + machine.cpus() + " × " + machine.cpuModel() + "\n"
                + "- JDK: " + machine.jdk() + "; OS: " + machine.os() + "\n"
                + "- load average (1, 5, 15 min): " + loadBefore + " at the start, " + machine.loadAverage()
                + " at the end\n";
        text = ReadmeSections.replace(Files.readString(readme, StandardCharsets.UTF_8), "machine", machineText);
        Files.writeString(readme, text, StandardCharsets.UTF_8);
        System.out.println("rewrote section machine of " + readme);
    }

    /** A JMH include pattern matching exactly the methods of one benchmark class. */
    static String includeOf(String className) {
        return "^" + className.replace(".", "\\.") + "\\.";
    }

    private static Collection<RunResult> run(String include, int warmup, int iterations, int seconds)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .build();
        // JMH allows one run per machine (/tmp/jmh.lock); on a shared machine wait for the other run to end
        for (int attempt = 1; ; attempt++) {
            try {
                return new Runner(options).run();
            } catch (RunnerException e) {
                if (attempt >= LOCK_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("JMH lock")) {
                    throw e;
                }
                System.out.println("another JMH run holds the JMH lock; retrying in 30 s (" + attempt + "/" + LOCK_ATTEMPTS + ")");
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** One row per benchmark and parameter set: score ± the 99.9 % error JMH prints. */
    static String jmhTable(Collection<RunResult> results, String settings) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> params(r)));
        StringBuilder out = new StringBuilder();
        out.append("Load average at the end: ").append(Machine.currentLoadAverage()).append("; ").append(settings)
                .append(".\n\n");
        out.append("| benchmark | params | score | ± (99.9 %) | unit |\n|---|---|---:|---:|---|\n");
        for (RunResult r : sorted) {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            out.append("| `").append(name.substring(name.lastIndexOf('.') + 1)).append("` | ").append(params(r))
                    .append(" | ").append(Decimal.significant(primary.getScore())).append(" | ")
                    .append(Decimal.significant(primary.getScoreError())).append(" | ").append(primary.getScoreUnit())
                    .append(" |\n");
            // user counters (@AuxCounters, e.g. hops per second); profiler results start with a middle dot
            for (Map.Entry<String, Result> e : new java.util.TreeMap<>(r.getSecondaryResults()).entrySet()) {
                if (e.getKey().startsWith("\u00b7")) {
                    continue;
                }
                Result<?> aux = e.getValue();
                out.append("| `").append(name.substring(name.lastIndexOf('.') + 1)).append(":").append(e.getKey())
                        .append("` | ").append(params(r)).append(" | ").append(Decimal.significant(aux.getScore()))
                        .append(" | ").append(Decimal.significant(aux.getScoreError())).append(" | ")
                        .append(aux.getScoreUnit()).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String params(RunResult r) {
        List<String> parts = new ArrayList<>();
        for (String key : r.getParams().getParamsKeys()) {
            parts.add(key + "=" + r.getParams().getParam(key));
        }
        return parts.isEmpty() ? "" : String.join(", ", parts);
    }

    private static String sideBySide(int rounds, String node) throws IOException {
        String loadBefore = Machine.currentLoadAverage();
        SideBySide.Result result = SideBySide.run(SideBySide.shippedScenarios(), rounds, node, System.out);
        return "Medians of " + rounds + " interleaved rounds after one warm-up round that checked every outcome "
                + "against the transcript; avm.wasm 0.62.0 in Chicory 1.7.5 and under " + result.nodeVersion()
                + "; load average " + loadBefore + " at the start, " + Machine.currentLoadAverage() + " at the end. "
                + "Times are ms per scenario (all of its invokes).\n\n" + result.markdown();
    }
}
