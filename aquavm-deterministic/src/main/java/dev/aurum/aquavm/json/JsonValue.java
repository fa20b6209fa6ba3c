package dev.aurum.aquavm.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value with serde_json's semantics (as used by AquaVM's {@code JValue}): numbers keep
 * the three kinds non-negative integer, negative integer and finite float apart ({@code 1 != 1.0}), and
 * object keys are kept sorted by the byte order of their UTF-8 encoding. Equality is structural.
 */
public sealed interface JsonValue permits JsonNull, JsonBool, JsonNumber, JsonString, JsonArray, JsonObject {

    /** The kind of a value, in the words serde uses in its error messages. */
    enum Kind {
        NULL("null"), BOOLEAN("boolean"), NUMBER("number"), STRING("string"), ARRAY("array"), OBJECT("object");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Lower-case name for messages (no locale-dependent case mapping in the portable core). */
        public String label() {
            return label;
        }
    }

    Kind kind();

    static JsonValue nul() {
        return JsonNull.INSTANCE;
    }

    static JsonValue of(boolean value) {
        return JsonBool.of(value);
    }

    /** A signed integer; non-negative values become {@link JsonPosInt} as serde_json normalises them. */
    static JsonNumber of(long value) {
        return JsonNumber.ofLong(value);
    }

    /**
     * A float. Like serde_json's {@code Value::from(f64)}, a NaN or infinite value becomes {@code null}
     * (serde_json's {@code Number} cannot hold it).
     */
    static JsonValue of(double value) {
        return Double.isFinite(value) ? new JsonFloat(value) : JsonNull.INSTANCE;
    }

    static JsonString of(String value) {
        return new JsonString(value);
    }

    static JsonArray array(JsonValue... elements) {
        return new JsonArray(Arrays.asList(elements));
    }

    static JsonArray array(List<? extends JsonValue> elements) {
        return new JsonArray(List.<JsonValue>copyOf(elements));
    }

    static JsonObject object(Map<String, ? extends JsonValue> members) {
        return new JsonObject(Map.copyOf(members));
    }

    default boolean isNull() {
        return this instanceof JsonNull;
    }

    default boolean asBoolean() {
        if (this instanceof JsonBool b) {
            return b.value();
        }
        throw wrongKind(Kind.BOOLEAN);
    }

    default String asString() {
        if (this instanceof JsonString s) {
            return s.value();
        }
        throw wrongKind(Kind.STRING);
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber n) {
            return n;
        }
        throw wrongKind(Kind.NUMBER);
    }

    default List<JsonValue> asArray() {
        if (this instanceof JsonArray a) {
            return a.elements();
        }
        throw wrongKind(Kind.ARRAY);
    }

    default Map<String, JsonValue> asObject() {
        if (this instanceof JsonObject o) {
            return o.members();
        }
        throw wrongKind(Kind.OBJECT);
    }

    private IllegalStateException wrongKind(Kind expected) {
        return new IllegalStateException("expected a JSON " + expected.label() + " but was "
                + kind().label());
    }
}
