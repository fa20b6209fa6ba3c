package dev.aurum.aquavm.json;

/**
 * A JSON number, one of serde_json's three kinds: {@link JsonPosInt} (0..2^64-1), {@link JsonNegInt}
 * (-2^63..-1) and {@link JsonFloat} (finite binary64). Values of different kinds are never equal, so
 * {@code 1} and {@code 1.0} differ, exactly as in serde_json.
 */
public sealed interface JsonNumber extends JsonValue permits JsonPosInt, JsonNegInt, JsonFloat {

    static JsonNumber ofLong(long value) {
        return value >= 0 ? new JsonPosInt(value) : new JsonNegInt(value);
    }

    /** A u64 given by its two's-complement bits (values above 2^63-1 arrive as negative longs). */
    static JsonPosInt ofUnsigned(long bits) {
        return new JsonPosInt(bits);
    }

    /** A finite float; throws for NaN or infinities, which serde_json numbers cannot hold. */
    static JsonFloat ofDouble(double value) {
        return new JsonFloat(value);
    }

    @Override
    default Kind kind() {
        return Kind.NUMBER;
    }

    /** True for u64 and i64 numbers, false for floats. */
    default boolean isInteger() {
        return !(this instanceof JsonFloat);
    }

    /** The value as an i64 if it is an integer that fits, as serde_json's {@code as_i64}. */
    default boolean fitsLong() {
        return this instanceof JsonNegInt || (this instanceof JsonPosInt p && p.bits() >= 0);
    }

    /** The value as a long; throws unless {@link #fitsLong()}. */
    default long longValue() {
        if (this instanceof JsonNegInt n) {
            return n.value();
        }
        if (this instanceof JsonPosInt p && p.bits() >= 0) {
            return p.bits();
        }
        throw new IllegalStateException("not an i64: " + this);
    }

    /** The value as f64, as serde_json's {@code as_f64} (u64 and i64 rounded to nearest). */
    double doubleValue();
}
