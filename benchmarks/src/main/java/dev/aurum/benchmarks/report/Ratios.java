package dev.aurum.benchmarks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * The ratios a section's reader is after, computed from one JMH run so that no ratio is worked out by
 * hand: for benchmarks with an engine parameter ({@code engine} or {@code engineName}), reference / java
 * of the same benchmark and other parameters; for the Wasm verifier, method {@code wasm} / method {@code jvm}.
 */
final class Ratios {

    private static final List<String> ENGINE_PARAMS = List.of("engine", "engineName");

    private Ratios() {
    }

    static String markdown(Collection<RunResult> results) {
        // key: benchmark method + the other parameters; value: engine -> score
        Map<String, Map<String, Double>> byEngine = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        Double jvm = null;
        Double wasm = null;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith("WasmVerifierBenchmark.jvm")) {
                jvm = score;
            } else if (name.endsWith("WasmVerifierBenchmark.wasm")) {
                wasm = score;
            }
            String engine = null;
            List<String> others = new ArrayList<>();
            for (String key : r.getParams().getParamsKeys()) {
                if (ENGINE_PARAMS.contains(key)) {
                    engine = r.getParams().getParam(key);
                } else {
                    others.add(key + "=" + r.getParams().getParam(key));
                }
            }
            if (engine != null) {
                String key = "`" + method + "`" + (others.isEmpty() ? "" : " " + String.join(", ", others));
                byEngine.computeIfAbsent(key, k -> new TreeMap<>()).put(engine, score);
                units.put(key, r.getPrimaryResult().getScoreUnit());
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : byEngine.entrySet()) {
            Double java = e.getValue().get("java");
            Double reference = e.getValue().get("reference");
            if (java != null && reference != null && java > 0) {
                rows.add("| " + e.getKey() + " | " + Decimal.significant(java) + " | " + Decimal.significant(reference)
                        + " | " + units.get(e.getKey()) + " | " + Decimal.significant(reference / java) + "× |\n");
            }
        }
        if (!rows.isEmpty()) {
            out.append("\n| benchmark | java | reference | unit | reference / java |\n|---|---:|---:|---|---:|\n");
            rows.forEach(out::append);
        }
        if (jvm != null && wasm != null && jvm > 0) {
            out.append("\nwasm / jvm (same run): ").append(Decimal.significant(wasm / jvm)).append("×\n");
        }
        return out.toString();
    }
}
