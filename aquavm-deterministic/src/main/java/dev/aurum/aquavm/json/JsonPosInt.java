package dev.aurum.aquavm.json;

/**
 * A non-negative integer (serde_json {@code PosInt}, a u64). {@code bits} holds the u64 value; values
 * of 2^63 and above are stored as negative longs.
 */
public record JsonPosInt(long bits) implements JsonNumber {

    @Override
    public double doubleValue() {
        return UnsignedLongs.toDouble(bits);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(bits);
    }
}
