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
}
