package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.json.Utf8;

/**
 * CIDs of the values the interpreter creates: CIDv1, codec json (0x0200), BLAKE3-256, base32 lower
 * with prefix {@code b}. Struct aggregates are hashed as serde_json writes them (fields in declaration
 * order), JSON values in compact form with sorted keys.
 */
final class Cids {

    private Cids() {
    }

    static String ofBytes(byte[] content) {
        return Cid.ofJson(content).toString();
    }

    static String ofJson(JsonValue value) {
        return ofBytes(JsonWriter.compact(value));
    }

    static String ofText(String json) {
        return ofBytes(Utf8.encode(json));
    }

    /** Compact JSON of a struct: {@code {"k1":"v1",...}} with the keys in the given order. */
    static byte[] struct(String... keysAndStringValues) {
        JsonWriter w = JsonWriter.compactWriter().beginObject();
        for (int i = 0; i < keysAndStringValues.length; i += 2) {
            w.name(keysAndStringValues[i]).value(keysAndStringValues[i + 1]);
        }
        return w.endObject().toByteArray();
    }
}
