package dev.aurum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints, from JMH JSON result files ({@code -rf json -rff FILE}), each benchmark's score per
 * {@code engine} parameter and the ratio reference / java, so README ratios come from a program,
 * not from hand arithmetic. Usage: {@code java -cp ... dev.aurum.benchmarks.EngineRatios FILE...}.
 */
public final class EngineRatios {

    private EngineRatios() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, JsonNode>> byBenchmark = new TreeMap<>();
        for (String file : args) {
            collect(new ObjectMapper().readTree(new File(file)), byBenchmark);
        }
        print(byBenchmark);
    }

    private static void collect(JsonNode results, Map<String, Map<String, JsonNode>> byBenchmark) {
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            String engine = r.path("params").path("engine").asText("");
            byBenchmark.computeIfAbsent(name, k -> new TreeMap<>()).put(engine, r.get("primaryMetric"));
        }
    }

    private static void print(Map<String, Map<String, JsonNode>> byBenchmark) {
        System.out.println("| benchmark | java | reference | reference / java |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, Map<String, JsonNode>> e : byBenchmark.entrySet()) {
            JsonNode java = e.getValue().get("java");
            JsonNode reference = e.getValue().get("reference");
            String ratio = java != null && reference != null
                    ? String.format("%.1fx", reference.get("score").asDouble() / java.get("score").asDouble()) : "";
            System.out.println("| " + e.getKey() + " | " + score(java) + " | " + score(reference) + " | " + ratio + " |");
        }
    }

    private static String score(JsonNode metric) {
        if (metric == null) {
            return "";
        }
        return String.format("%.1f ± %.1f %s", metric.get("score").asDouble(), metric.get("scoreError").asDouble(),
                metric.get("scoreUnit").asText());
    }
}
