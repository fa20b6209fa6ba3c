package dev.aurum.vectors.sets;

import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a JSON Lines file: one compact object per line (keys sorted, serde_json's text). */
final class JsonLines {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Adds one line from alternating keys and values (String, Long, Integer, Boolean or JsonValue). */
    JsonLines line(Object... keysAndValues) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], toJson(keysAndValues[i + 1]));
        }
        out.writeBytes(JsonWriter.compact(JsonValue.object(m)));
        out.write('\n');
        return this;
    }

    static JsonValue toJson(Object v) {
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return JsonValue.of(s);
        }
        if (v instanceof Long l) {
            return JsonValue.of(l);
        }
        if (v instanceof Integer n) {
            return JsonValue.of(n.longValue());
        }
        if (v instanceof Boolean b) {
            return JsonValue.of(b);
        }
        throw new IllegalArgumentException("not a JSON line value: " + v);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
