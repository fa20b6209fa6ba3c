package dev.aurum.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark table must state beside its numbers: CPUs, CPU model, JDK, OS and the load average. */
public record Machine(int cpus, String cpuModel, String jdk, String os, String loadAverage) {

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "unknown". */
    public static String currentLoadAverage() {
        String text = read("/proc/loadavg");
        if (text == null) {
            return "unknown";
        }
        String[] parts = text.trim().split(" ");
        return parts.length < 3 ? "unknown" : parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    public String oneLine() {
        return cpus + " CPUs (" + cpuModel + "), " + jdk + ", " + os + ", load average " + loadAverage;
    }

    private static String readCpuModel() {
        String text = read("/proc/cpuinfo");
        if (text != null) {
            for (String line : text.split("\n")) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return line.substring(colon + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
