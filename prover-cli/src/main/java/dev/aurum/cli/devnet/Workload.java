package dev.aurum.cli.devnet;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.PeerPlaceholders;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The devnet's workload: real AIR scripts (the built-in scenarios: fork-join price oracle, chain, fan-out
 * fold, xor-caught failure) with their roles cast onto devnet peers by a seeded random choice. Particle n gets
 * id {@code devnet-SEED-n} and timestamp {@code BASE + n·1000}, so a seed fixes every particle.
 */
public final class Workload {

    public static final long BASE_TIMESTAMP_MS = 1_700_000_000_000L;

    /** One particle to run: its scenario, the role → devnet peer casting, and the runnable scenario. */
    public record PlannedParticle(int number, String scenario, Map<String, String> cast, Scenario runnable) {}

    private Workload() {
    }

    /** The smallest peer count every built-in scenario fits on (fork-join has five roles). */
    public static final int MIN_PEERS = 5;

    public static List<PlannedParticle> plan(int particles, List<String> peerNames, long seed) {
        if (peerNames.size() < MIN_PEERS) {
            throw new IllegalArgumentException("the workload needs at least " + MIN_PEERS + " peers");
        }
        Random random = new Random(seed);
        List<PlannedParticle> out = new ArrayList<>(particles);
        for (int n = 0; n < particles; n++) {
            String name = BuiltinScenarios.NAMES.get(random.nextInt(BuiltinScenarios.NAMES.size()));
            List<String> shuffled = new ArrayList<>(peerNames);
            Collections.shuffle(shuffled, random);
            out.add(cast(n, name, shuffled, seed));
        }
        return out;
    }

    /**
     * The built-in scenario with its roles (in the scenario's sorted peer order) played by {@code peers}, in
     * order: peer keys, {@code particle.init} and every {@code @role} placeholder are renamed.
     */
    private static PlannedParticle cast(int n, String scenario, List<String> peers, long seed) {
        try {
            JsonObject root = (JsonObject) JsonParser.parse(BuiltinScenarios.json(scenario).getBytes(StandardCharsets.UTF_8));
            JsonObject roles = (JsonObject) root.get("peers");
            Map<String, String> cast = new LinkedHashMap<>();
            for (String role : roles.members().keySet()) {
                cast.put(role, peers.get(cast.size()));
            }
            PeerPlaceholders.Replacement rename = (role, path, offset) -> "@" + cast.getOrDefault(role, role);
            Map<String, JsonValue> castPeers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : roles.members().entrySet()) {
                castPeers.put(cast.get(e.getKey()), PeerPlaceholders.replaceAll(e.getValue(), rename, "peers"));
            }
            Map<String, JsonValue> particle = new LinkedHashMap<>(((JsonObject) root.get("particle")).members());
            particle.put("id", new JsonString("devnet-" + seed + "-" + n));
            particle.put("init", new JsonString(cast.get(((JsonString) particle.get("init")).value())));
            particle.put("timestamp", new JsonPosInt(BASE_TIMESTAMP_MS + n * 1_000L));
            Map<String, JsonValue> top = new LinkedHashMap<>(root.members());
            top.put("peers", new JsonObject(castPeers));
            top.put("particle", new JsonObject(particle));
            top.put("script", PeerPlaceholders.replaceAll(root.get("script"), rename, "script"));
            return new PlannedParticle(n, scenario, cast,
                    ScenarioParser.parse(JsonWriter.toCompactString(new JsonObject(top))));
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalStateException("cannot cast built-in scenario " + scenario + ": " + e.getMessage(), e);
        }
    }
}
