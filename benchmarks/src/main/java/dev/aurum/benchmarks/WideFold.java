package dev.aurum.benchmarks;

/**
 * A scenario whose trace holds {@code rows * columns} service calls: a worker answers a parallel fold
 * over a rows × columns table. Nested folds keep AquaVM's recursion shallow: a single parallel fold
 * over 1,000 items exhausts avm.wasm's call stack in Chicory ("call stack exhausted").
 */
final class WideFold {

    private WideFold() {
    }

    static String json(int rows, int columns) {
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
