package dev.aurum.proofs.teavm;

import java.util.HashMap;
import java.util.Map;

/**
 * Replaces jackson-core's {@code com.fasterxml.jackson.core.util.InternCache} in the Wasm build only
 * (mapped in {@code META-INF/teavm.properties}). The original extends {@code ConcurrentHashMap} with a
 * constructor TeaVM 0.13.1 lacks, and calls {@code String.intern()}, which TeaVM's WASI target cannot
 * link. Canonicalising through a bounded map keeps the contract jackson relies on (equal names give
 * the same instance while cached). Never iterated, so hash order cannot reach any output.
 */
public final class WasmInternCache {

    public static final WasmInternCache instance = new WasmInternCache();

    private static final int MAX_ENTRIES = 180;

    private final Map<String, String> names = new HashMap<>();

    private WasmInternCache() {
    }

    public String intern(String input) {
        String cached = names.get(input);
        if (cached != null) {
            return cached;
        }
        if (names.size() >= MAX_ENTRIES) {
            names.clear();
        }
        names.put(input, input);
        return input;
    }
}
