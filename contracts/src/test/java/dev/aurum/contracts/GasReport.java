package dev.aurum.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects gas used by the integration tests and writes the table that contracts/README.md quotes. */
final class GasReport {
    private static final Map<String, Long> ROWS = new LinkedHashMap<>();

    private GasReport() {}

    static synchronized void record(String operation, long gasUsed) {
        ROWS.put(operation, gasUsed);
        System.out.println("[gas] " + operation + ": " + gasUsed);
    }

    static synchronized void write() throws IOException {
        String target = System.getProperty("gas.report");
        if (target == null) {
            return;
        }
        StringBuilder sb = new StringBuilder("| Operation | Gas used |\n|---|---:|\n");
        for (Map.Entry<String, Long> row : ROWS.entrySet()) {
            sb.append("| ").append(row.getKey()).append(" | ").append(group(row.getValue())).append(" |\n");
        }
        Path path = Path.of(target);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String group(long value) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
