package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.codec.DecodeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The scenarios shipped on the classpath ({@code dev/aurum/proofs/scenarios/NAME.json}); JVM only. */
public final class BuiltinScenarios {

    public static final List<String> NAMES = List.of("fork-join", "chain", "fold-fanout", "xor-failure");

    private BuiltinScenarios() {
    }

    /** The scenario's JSON text, or null if there is no built-in scenario of that name. */
    public static String json(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        try (InputStream in = BuiltinScenarios.class.getResourceAsStream("/dev/aurum/proofs/scenarios/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource for built-in scenario " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(String name) {
        String json = json(name);
        if (json == null) {
            throw new IllegalArgumentException("no built-in scenario " + name + "; built-in: " + NAMES);
        }
        try {
            return ScenarioParser.parse(json);
        } catch (DecodeException e) {
            throw new IllegalStateException("built-in scenario " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * A scenario whose trace holds {@code rows * columns} service calls: a client lists a rows × columns table
     * and a worker calls {@code ping.ping} once per cell, in a parallel fold nested in a parallel fold. Nesting
     * keeps AquaVM's recursion shallow: a single parallel fold over 1,000 items exhausts avm.wasm's call stack
     * in Chicory ("call stack exhausted"). Used for the 1,000-call benchmarks and the heap-limit test.
     */
    public static String wideFoldJson(int rows, int columns) {
        StringBuilder table = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            table.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < columns; c++) {
                table.append(c == 0 ? "" : ",").append(r * columns + c);
            }
            table.append(']');
        }
        table.append(']');
        int n = rows * columns;
        return "{\"name\": \"wide-fold-" + n + "\","
                + " \"particle\": {\"id\": \"wide-fold-" + n + "\", \"init\": \"client\", \"timestamp\": 1700000000000,"
                + " \"ttl\": 60000},"
                + " \"peers\": {\"client\": {\"items.list\": {\"return\": " + table + "}},"
                + " \"worker\": {\"ping.ping\": {\"echo\": true}}},"
                + " \"script\": [\"(seq\","
                + " \"  (call \\\"@client\\\" (\\\"items\\\" \\\"list\\\") [] rows)\","
                + " \"  (fold rows row (par (fold row i (par (call \\\"@worker\\\" (\\\"ping\\\" \\\"ping\\\") [i] $r)"
                + " (next i))) (next row))))\"]}";
    }
}
