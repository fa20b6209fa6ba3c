package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario format's {@code @name} placeholders (docs/formats.md, "Scenarios"): a peer name after '@' in
 * the script or in service values. One implementation for the parser (which turns names into PeerIds) and for
 * callers that recast a scenario onto other peers (which turn names into other names).
 */
public final class PeerPlaceholders {

    /** What a placeholder becomes; {@code offset} is the '@' position in the string at {@code path}. */
    @FunctionalInterface
    public interface Replacement {
        String of(String name, String path, int offset) throws DecodeException;
    }

    private PeerPlaceholders() {
    }

    /** Letters, digits, '_' and '-': the characters of a peer name. */
    public static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** {@code text} with every {@code @name} replaced by {@code replacement.of(name, …)}. */
    public static String replace(String text, Replacement replacement, String path) throws DecodeException {
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
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            out.append(replacement.of(text.substring(i + 1, end), path, i));
            i = end;
        }
        return out.toString();
    }

    /**
     * Every string in the JSON tree with its placeholders replaced (object keys are left alone). Recursion
     * depth is bounded by the JSON parser's nesting limit.
     */
    public static JsonValue replaceAll(JsonValue v, Replacement replacement, String path) throws DecodeException {
        if (v instanceof JsonString s) {
            return new JsonString(replace(s.value(), replacement, path));
        }
        if (v instanceof JsonArray a) {
            List<JsonValue> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(replaceAll(a.get(i), replacement, path + "[" + i + "]"));
            }
            return new JsonArray(out);
        }
        if (v instanceof JsonObject o) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                out.put(e.getKey(), replaceAll(e.getValue(), replacement, path + "." + e.getKey()));
            }
            return new JsonObject(out);
        }
        return v;
    }
}
