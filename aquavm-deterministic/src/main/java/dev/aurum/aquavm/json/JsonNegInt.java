package dev.aurum.aquavm.json;

/** A negative integer (serde_json {@code NegInt}, an i64 below zero). */
public record JsonNegInt(long value) implements JsonNumber {

    public JsonNegInt {
        if (value >= 0) {
            throw new IllegalArgumentException("JsonNegInt must be negative, use JsonPosInt: " + value);
        }
    }

    @Override
    public double doubleValue() {
        return (double) value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
