package dev.aurum.cli.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static PlannedParticle cast(int n, String scenario, List<String> peers, long seed) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(BuiltinScenarios.json(scenario));
            Map<String, String> cast = new LinkedHashMap<>();
            ObjectNode oldPeers = (ObjectNode) root.get("peers");
            ObjectNode newPeers = JSON.createObjectNode();
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = oldPeers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                cast.put(e.getKey(), peers.get(i++));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = oldPeers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                newPeers.set(cast.get(e.getKey()), renameAll(e.getValue(), cast));
            }
            root.set("peers", newPeers);
            ObjectNode particle = (ObjectNode) root.get("particle");
            particle.put("id", "devnet-" + seed + "-" + n);
            particle.put("init", cast.get(particle.get("init").asText()));
            particle.put("timestamp", BASE_TIMESTAMP_MS + n * 1_000L);
            root.set("script", renameAll(root.get("script"), cast));
            return new PlannedParticle(n, scenario, cast, ScenarioParser.parse(JSON.writeValueAsString(root)));
        } catch (DecodeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot cast scenario " + scenario + ": " + e.getMessage(), e);
        }
    }

    /** Every string in the tree with {@code @role} replaced by {@code @peer} (the parser's placeholder syntax). */
    private static JsonNode renameAll(JsonNode node, Map<String, String> cast) {
        if (node.isTextual()) {
            return TextNode.valueOf(rename(node.asText(), cast));
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(child -> out.add(renameAll(child, cast)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), renameAll(e.getValue(), cast)));
            return out;
        }
        return node;
    }

    private static String rename(String text, Map<String, String> cast) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '@') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && nameChar(text.charAt(end))) {
                end++;
            }
            String role = text.substring(i + 1, end);
            out.append('@').append(cast.getOrDefault(role, role));
            i = end;
        }
        return out.toString();
    }

    private static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
