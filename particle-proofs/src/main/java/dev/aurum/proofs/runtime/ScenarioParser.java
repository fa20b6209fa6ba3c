package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads a scenario from JSON (format in {@code docs/formats.md}, "Scenarios"):
 * <pre>{@code
 * {"name": "...", "description": "...",
 *  "particle": {"id": "...", "init": "client", "timestamp": 1700000000000, "ttl": 60000},
 *  "network": {"latency_ms": 10, "queue_capacity": 1024, "max_hops": 1000, "max_rounds": 16},
 *  "peers": {"client": {}, "p1": {"prices.get": {"return": 10}}},
 *  "script": ["(call @p1 (\"prices\" \"get\") [] price)"]}
 * }</pre>
 * {@code @name} in the script and in string values returned by services becomes that peer's PeerId.
 */
public final class ScenarioParser {

    private static final String FORMAT = "scenario";
    private static final int MAX_INPUT_BYTES = 16 << 20;
    private static final int MAX_PEERS = 1_000;

    private ScenarioParser() {
    }

    public static Scenario parse(String json) throws DecodeException {
        JsonValue root = JsonParser.parse(json.getBytes(StandardCharsets.UTF_8), JsonParser.FloatParsing.SERDE_JSON_DEFAULT,
                MAX_INPUT_BYTES);
        JsonObject top = object(root, "");
        allowOnly(top, "", "name", "description", "particle", "network", "peers", "script");
        String name = string(top, "name", "");
        String description = top.get("description") == null ? "" : string(top, "description", "");

        JsonObject peersJson = object(require(top, "peers", ""), "peers");
        if (peersJson.size() == 0 || peersJson.size() > MAX_PEERS) {
            throw new DecodeException(FORMAT, "peers", -1, "a scenario has 1.." + MAX_PEERS + " peers");
        }
        Map<String, String> peerIds = new TreeMap<>();
        for (String peerName : peersJson.members().keySet()) {
            checkName(peerName, "peers");
            peerIds.put(peerName, PeerIdentity.forName(peerName).peerId().toString());
        }

        JsonObject particle = object(require(top, "particle", ""), "particle");
        allowOnly(particle, "particle", "id", "init", "timestamp", "ttl");
        String init = string(particle, "init", "particle");
        if (!peerIds.containsKey(init)) {
            throw new DecodeException(FORMAT, "particle.init", -1, "init peer \"" + init + "\" is not among the peers");
        }
        long timestamp = integer(particle, "timestamp", "particle", 0, Long.MAX_VALUE);
        long ttl = integer(particle, "ttl", "particle", 0, 0xFFFF_FFFFL);
        String id = string(particle, "id", "particle");

        Scenario.NetworkSettings network = Scenario.NetworkSettings.DEFAULT;
        if (top.get("network") != null) {
            JsonObject n = object(top.get("network"), "network");
            allowOnly(n, "network", "latency_ms", "queue_capacity", "max_hops", "max_rounds");
            Scenario.NetworkSettings d = Scenario.NetworkSettings.DEFAULT;
            network = new Scenario.NetworkSettings(
                    n.get("latency_ms") == null ? d.latencyMs() : integer(n, "latency_ms", "network", 0, 3_600_000),
                    n.get("queue_capacity") == null ? d.queueCapacity() : (int) integer(n, "queue_capacity", "network", 1, 1 << 20),
                    n.get("max_hops") == null ? d.maxHops() : (int) integer(n, "max_hops", "network", 1, 10_000),
                    n.get("max_rounds") == null ? d.maxRounds() : (int) integer(n, "max_rounds", "network", 1, 64));
        }

        List<Scenario.PeerSpec> peers = new ArrayList<>();
        for (Map.Entry<String, JsonValue> p : peersJson.members().entrySet()) {
            String path = "peers." + p.getKey();
            JsonObject servicesJson = object(p.getValue(), path);
            Map<String, Supplier<Service>> services = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> s : servicesJson.members().entrySet()) {
                String sPath = path + "." + s.getKey();
                int dot = s.getKey().indexOf('.');
                if (dot <= 0 || dot == s.getKey().length() - 1) {
                    throw new DecodeException(FORMAT, sPath, -1, "service keys are \"service_id.function_name\"");
                }
                services.put(s.getKey(), behaviour(object(s.getValue(), sPath), sPath, peerIds));
            }
            peers.add(new Scenario.PeerSpec(p.getKey(), services));
        }

        JsonValue scriptJson = require(top, "script", "");
        String script;
        if (scriptJson instanceof JsonString s) {
            script = s.value();
        } else if (scriptJson instanceof JsonArray lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (!(lines.get(i) instanceof JsonString line)) {
                    throw new DecodeException(FORMAT, "script[" + i + "]", -1, "script lines are strings");
                }
                sb.append(line.value()).append('\n');
            }
            script = sb.toString();
        } else {
            throw new DecodeException(FORMAT, "script", -1, "script is a string or an array of lines");
        }
        return new Scenario(name, description, init, id, timestamp, ttl, substitute(script, peerIds, "script"),
                peers, network);
    }

    /** Replaces {@code @name} by the PeerId of peer {@code name}; an unknown name is an error. */
    static String substitute(String text, Map<String, String> peerIds, String path) throws DecodeException {
        return PeerPlaceholders.replace(text, peerIdOf(peerIds), path);
    }

    private static PeerPlaceholders.Replacement peerIdOf(Map<String, String> peerIds) {
        return (peer, path, offset) -> {
            String id = peerIds.get(peer);
            if (id == null) {
                throw new DecodeException(FORMAT, path, offset, "unknown peer \"@" + peer + "\"");
            }
            return id;
        };
    }

    private static Supplier<Service> behaviour(JsonObject spec, String path, Map<String, String> peerIds)
            throws DecodeException {
        if (spec.size() != 1 && !(spec.size() == 2 && spec.get("fail") != null && spec.get("code") != null)) {
            throw new DecodeException(FORMAT, path, -1,
                    "a service is one of {\"return\": v}, {\"fail\": msg[, \"code\": n]}, {\"echo\": true}, "
                            + "{\"collect\": true}, {\"average\": true}, {\"sequence\": [v, ...]}");
        }
        if (spec.get("return") != null) {
            JsonValue v = substituteValues(spec.get("return"), peerIds, path + ".return");
            return () -> ScriptedServices.constant(v);
        }
        if (spec.get("fail") != null) {
            String message = string(spec, "fail", path);
            int code = spec.get("code") == null ? 1 : (int) integer(spec, "code", path, 1, Integer.MAX_VALUE);
            return () -> ScriptedServices.failing(code, message);
        }
        if (spec.get("echo") instanceof JsonBool b && b.value()) {
            return ScriptedServices::echo;
        }
        if (spec.get("collect") instanceof JsonBool b && b.value()) {
            return ScriptedServices::collect;
        }
        if (spec.get("average") instanceof JsonBool b && b.value()) {
            return ScriptedServices::average;
        }
        if (spec.get("sequence") instanceof JsonArray a && a.size() > 0) {
            JsonArray values = (JsonArray) substituteValues(a, peerIds, path + ".sequence");
            return () -> ScriptedServices.sequence(values.elements());
        }
        throw new DecodeException(FORMAT, path, -1, "unknown service behaviour " + spec.members().keySet());
    }

    private static JsonValue substituteValues(JsonValue v, Map<String, String> peerIds, String path)
            throws DecodeException {
        return PeerPlaceholders.replaceAll(v, peerIdOf(peerIds), path);
    }

    private static void checkName(String name, String path) throws DecodeException {
        if (name.isEmpty() || name.length() > 64) {
            throw new DecodeException(FORMAT, path, -1, "peer names have 1..64 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!PeerPlaceholders.isNameChar(name.charAt(i))) {
                throw new DecodeException(FORMAT, path + "." + name, -1,
                        "peer names use letters, digits, '_' and '-' only");
            }
        }
    }

    private static void allowOnly(JsonObject o, String path, String... keys) throws DecodeException {
        for (String k : o.members().keySet()) {
            boolean known = false;
            for (String allowed : keys) {
                known |= allowed.equals(k);
            }
            if (!known) {
                throw new DecodeException(FORMAT, path.isEmpty() ? k : path + "." + k, -1, "unknown key \"" + k + "\"");
            }
        }
    }

    private static JsonValue require(JsonObject o, String key, String path) throws DecodeException {
        JsonValue v = o.get(key);
        if (v == null) {
            throw new DecodeException(FORMAT, path.isEmpty() ? key : path + "." + key, -1, "missing \"" + key + "\"");
        }
        return v;
    }

    private static JsonObject object(JsonValue v, String path) throws DecodeException {
        if (!(v instanceof JsonObject o)) {
            throw new DecodeException(FORMAT, path, -1, "expected an object");
        }
        return o;
    }

    private static String string(JsonObject o, String key, String path) throws DecodeException {
        if (!(require(o, key, path) instanceof JsonString s)) {
            throw new DecodeException(FORMAT, path.isEmpty() ? key : path + "." + key, -1, "expected a string");
        }
        return s.value();
    }

    private static long integer(JsonObject o, String key, String path, long min, long max) throws DecodeException {
        String p = path.isEmpty() ? key : path + "." + key;
        if (!(require(o, key, path) instanceof JsonNumber n) || !n.fitsLong()) {
            throw new DecodeException(FORMAT, p, -1, "expected an integer");
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new DecodeException(FORMAT, p, -1, v + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }
}
