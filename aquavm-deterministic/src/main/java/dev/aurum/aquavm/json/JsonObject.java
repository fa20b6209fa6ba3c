package dev.aurum.aquavm.json;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON object. Members are kept sorted by the byte order of the keys' UTF-8 encoding, as in serde_json's
 * default {@code BTreeMap<String, Value>}; that order is the order in which they are written.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        TreeMap<String, JsonValue> sorted = new TreeMap<>(Utf8::compare);
        for (Map.Entry<String, ? extends JsonValue> e : members.entrySet()) {
            String key = e.getKey();
            JsonValue value = e.getValue();
            if (key == null || value == null) {
                throw new NullPointerException("JSON object keys and values must not be null");
            }
            int bad = Utf8.firstLoneSurrogate(key);
            if (bad >= 0) {
                throw new IllegalArgumentException("lone surrogate at index " + bad + " in JSON object key");
            }
            sorted.put(key, value);
        }
        members = Collections.unmodifiableMap(sorted); // iterates in TreeMap order (TeaVM lacks unmodifiableSortedMap)
    }

    public JsonValue get(String key) {
        return members.get(key);
    }

    public int size() {
        return members.size();
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    @Override
    public String toString() {
        return JsonWriter.toCompactString(this);
    }
}
