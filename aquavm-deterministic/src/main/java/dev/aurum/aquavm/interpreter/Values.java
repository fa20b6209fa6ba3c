package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;

/** Small JSON helpers shared by the evaluator. */
final class Values {

    private Values() {
    }

    /** An i64 as serde_json stores it: non-negative values are u64 ("PosInt"). */
    static JsonValue integer(long v) {
        return v >= 0 ? new JsonPosInt(v) : new JsonNegInt(v);
    }

    /** A u64 held in a long's bits. */
    static JsonValue unsigned(long bits) {
        return new JsonPosInt(bits);
    }

    /** serde_json's {@code Display} of a value: compact JSON. */
    static String text(JsonValue v) {
        return JsonWriter.toCompactString(v);
    }
}
