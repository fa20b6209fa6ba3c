package dev.aurum.benchmarks.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(5, SideBySide.median(new long[] {9, 5, 1}));
        assertEquals(4, SideBySide.median(new long[] {1, 3, 5, 9}));
        assertEquals(7, SideBySide.median(new long[] {7}));
    }

    @Test
    void everyShippedTranscriptIsAScenario() {
        List<String> scenarios = SideBySide.shippedScenarios();
        assertEquals(26, scenarios.size(), scenarios.toString());
        assertTrue(scenarios.contains("fork-join"));
    }

    @Test
    void tableHasOneRowPerScenarioAndTheTotals() {
        SideBySide.Result r = new SideBySide.Result(List.of(
                new SideBySide.ScenarioTimes("a", 2, Map.of("java", 1_000_000L, "reference", 50_000_000L, "node", 10_000_000L)),
                new SideBySide.ScenarioTimes("b", 3, Map.of("java", 3_000_000L, "reference", 150_000_000L, "node", 30_000_000L))),
                5, "Node test");
        String md = r.markdown();
        assertTrue(md.contains("| a | 2 | 1.00 | 50.00 | 10.00 | 50.0× | 10.0× | 5.0× |"), md);
        assertTrue(md.contains("| **all (sum of medians)** | 5 | 4.00 | 200.00 | 40.00 | 50.0× | 10.0× | 5.0× |"), md);
        assertTrue(md.contains("Java engine 0.80 ms, avm.wasm in Chicory 40.00 ms, avm.wasm in Node 8.00 ms"), md);
    }
}
