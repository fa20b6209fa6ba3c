package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a differential corpus file: one JSON object per line (JSON Lines); blank lines and lines starting
 * with {@code //} are comments. The format is documented in docs/formats.md, "Differential scenarios".
 * A bad line gives a {@link DecodeException} naming the file, line and field.
 */
final class DiffScenarioFile {

    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_STEPS = 1_000;
    private static final String FORMAT = "differential scenario";
    private static final Set<String> KEYS = Set.of("name", "air", "peers", "init", "max_steps", "limits", "tamper",
            "message", "expect", "reference");

    private DiffScenarioFile() {
    }

    static List<DiffScenario> parse(String fileName, String text) throws DecodeException {
        if (text.length() > MAX_FILE_BYTES) {
            throw new DecodeException(FORMAT, fileName, -1, "file is over " + MAX_FILE_BYTES + " characters");
        }
        List<DiffScenario> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            out.add(parseLine(fileName + ":" + (i + 1), line));
        }
        return out;
    }

    static DiffScenario parseLine(String source, String line) throws DecodeException {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_LINE_BYTES) {
            throw new DecodeException(FORMAT, source, -1, "line is over " + MAX_LINE_BYTES + " bytes");
        }
        JsonValue root;
        try {
            root = JsonParser.parse(utf8);
        } catch (DecodeException e) {
            throw new DecodeException(FORMAT, source, e.offset(), "not JSON: " + e.getMessage());
        }
        if (!(root instanceof JsonObject o)) {
            throw new DecodeException(FORMAT, source, -1, "a scenario line is a JSON object");
        }
        for (String key : o.members().keySet()) {
            if (!KEYS.contains(key)) {
                throw new DecodeException(FORMAT, source + " " + key, -1, "unknown key; allowed: " + new TreeSet<>(KEYS));
            }
        }
        String name = string(o, "name", source, null);
        String air = string(o, "air", source, null);
        List<String> peers = o.get("peers") == null ? DiffScenario.DEFAULT_PEERS : peers(o.get("peers"), source);
        String init = string(o, "init", source, "alice");
        if (!peers.contains(init)) {
            throw new DecodeException(FORMAT, source + " init", -1, "init peer \"" + init + "\" is not in peers");
        }
        int maxSteps = (int) integer(o, "max_steps", source, 60, 1, MAX_STEPS);
        DiffScenario.Limits limits = limits(o.get("limits"), source);
        DiffScenario.Tamper tamper = tamper(o.get("tamper"), source);
        String message = string(o, "message", source, "exact");
        if (!message.equals("exact") && !message.equals("class")) {
            throw new DecodeException(FORMAT, source + " message", -1, "\"exact\" or \"class\"");
        }
        String reference = string(o, "reference", source, "runs");
        if (!reference.equals("runs") && !reference.equals("traps")) {
            throw new DecodeException(FORMAT, source + " reference", -1, "\"runs\" or \"traps\"");
        }
        return new DiffScenario(source, name, air, peers, init, maxSteps, limits, tamper, message.equals("exact"),
                codes(o.get("expect"), source), reference.equals("traps"));
    }

    private static List<String> peers(JsonValue v, String source) throws DecodeException {
        if (!(v instanceof JsonArray a) || a.size() == 0 || a.size() > 8) {
            throw new DecodeException(FORMAT, source + " peers", -1, "an array of 1..8 peer names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonString s) || !isName(s.value()) || out.contains(s.value())) {
                throw new DecodeException(FORMAT, source + " peers[" + i + "]", -1, "a distinct name of [a-z]{1,16}");
            }
            out.add(s.value());
        }
        return out;
    }

    private static DiffScenario.Limits limits(JsonValue v, String source) throws DecodeException {
        if (v == null) {
            return DiffScenario.Limits.DEFAULT;
        }
        if (!(v instanceof JsonObject o)) {
            throw new DecodeException(FORMAT, source + " limits", -1, "an object");
        }
        DiffScenario.Limits d = DiffScenario.Limits.DEFAULT;
        String at = source + " limits";
        boolean hard = false;
        if (o.get("hard") != null) {
            if (!(o.get("hard") instanceof JsonBool b)) {
                throw new DecodeException(FORMAT, at + ".hard", -1, "true or false");
            }
            hard = b.value();
        }
        return new DiffScenario.Limits(integer(o, "air", at, d.air(), 0, 1L << 40),
                integer(o, "particle", at, d.particle(), 0, 1L << 40),
                integer(o, "call_result", at, d.callResult(), 0, 1L << 40), hard);
    }

    private static DiffScenario.Tamper tamper(JsonValue v, String source) throws DecodeException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw new DecodeException(FORMAT, source + " tamper", -1, "an object {\"delivery\": n, \"kind\": \"...\"}");
        }
        String at = source + " tamper";
        String kind = string(o, "kind", at, null);
        DataTamper.Kind k = DataTamper.Kind.byName(kind);
        if (k == null) {
            throw new DecodeException(FORMAT, at + ".kind", -1, "unknown tamper kind \"" + kind + "\"; known: "
                    + DataTamper.Kind.names());
        }
        return new DiffScenario.Tamper((int) integer(o, "delivery", at, 0, 0, MAX_STEPS), k);
    }

    private static SortedSet<Long> codes(JsonValue v, String source) throws DecodeException {
        SortedSet<Long> out = new TreeSet<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonArray a) || a.size() > 16) {
            throw new DecodeException(FORMAT, source + " expect", -1, "an array of up to 16 ret_codes");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonPosInt n) || n.bits() < 0 || n.bits() > 100_000) {
                throw new DecodeException(FORMAT, source + " expect[" + i + "]", -1, "a ret_code 0..100000");
            }
            out.add(n.bits());
        }
        return out;
    }

    private static String string(JsonObject o, String key, String source, String otherwise) throws DecodeException {
        JsonValue v = o.get(key);
        if (v == null) {
            if (otherwise == null) {
                throw new DecodeException(FORMAT, source + " " + key, -1, "missing");
            }
            return otherwise;
        }
        if (!(v instanceof JsonString s)) {
            throw new DecodeException(FORMAT, source + " " + key, -1, "a string");
        }
        return s.value();
    }

    private static long integer(JsonObject o, String key, String source, long otherwise, long min, long max)
            throws DecodeException {
        JsonValue v = o.get(key);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof JsonPosInt n) || n.bits() < min || n.bits() > max) {
            throw new DecodeException(FORMAT, source + " " + key, -1, "an integer " + min + ".." + max);
        }
        return n.bits();
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 16) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'a' || s.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
