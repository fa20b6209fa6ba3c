package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;

/**
 * A stream-map key: a string, an i64, or a u64 above i64's range. {@code 1} and {@code "1"} are
 * different keys but print the same ({@link #text}).
 */
record MapKey(String string, long number, boolean isString, boolean unsigned) {

    static MapKey of(String s) {
        return new MapKey(s, 0, true, false);
    }

    static MapKey of(long i64) {
        return new MapKey(null, i64, false, false);
    }

    /** serde_json numbers that fit an i64 become i64 keys; larger u64 stay u64; anything else is no key. */
    static MapKey fromJson(JsonValue v) {
        if (v instanceof JsonString s) {
            return of(s.value());
        } else if (v instanceof JsonNegInt n) {
            return of(n.value());
        } else if (v instanceof JsonPosInt p) {
            return p.bits() >= 0 ? of(p.bits()) : new MapKey(null, p.bits(), false, true);
        }
        return null;
    }

    static MapKey fromKvPair(JsonValue pair) {
        if (pair instanceof JsonObject o && o.get("key") != null) {
            return fromJson(o.get("key"));
        }
        return null;
    }

    JsonValue toJson() {
        if (isString) {
            return new JsonString(string);
        }
        return unsigned || number >= 0 ? new JsonPosInt(number) : new JsonNegInt(number);
    }

    String text() {
        if (isString) {
            return string;
        }
        return unsigned ? Long.toUnsignedString(number) : Long.toString(number);
    }
}
