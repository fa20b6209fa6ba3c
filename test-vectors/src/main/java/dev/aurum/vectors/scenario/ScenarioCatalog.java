package dev.aurum.vectors.scenario;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every multi-peer scenario the vectors are made from: the built-in ones of {@code particle-proofs}
 * and the ones shipped here ({@code dev/aurum/vectors/scenarios/NAME.json}), all in the project's one
 * scenario format ({@link ScenarioParser}) and run by its one runtime ({@link Scenario#run}).
 */
public final class ScenarioCatalog {

    /** Scenarios of this module, in the order their vectors are written. */
    public static final List<String> OWN = List.of(
            "chain-relay-5", "fork-join-3-average", "fold-stream-canon", "xor-fallback-remote", "xor-errors-nested",
            "match-routing", "canon-remote-streams", "fold-over-canon-chain", "new-scoped-stream",
            "lenses-across-peers", "stream-map-canon", "sequence-service-fold", "uncaught-remote-failure",
            "par-of-chains", "nested-fold", "recursive-stream-fold", "never-and-remote",
            "fail-propagates-last-error", "fold-stream-map-multi", "fork-join-partial-failure",
            "particle-literals", "bad-service-json");

    private ScenarioCatalog() {
    }

    /** All scenario names: built-in first, then this module's. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(BuiltinScenarios.NAMES);
        all.addAll(OWN);
        return all;
    }

    public static Scenario load(String name) {
        if (BuiltinScenarios.NAMES.contains(name)) {
            return BuiltinScenarios.load(name);
        }
        if (!OWN.contains(name)) {
            throw new IllegalArgumentException("no scenario " + name + "; known: " + names());
        }
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream("/dev/aurum/vectors/scenarios/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource for scenario " + name);
            }
            return ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new IllegalStateException("scenario " + name + " is invalid: " + e.getMessage(), e);
        }
    }
}
