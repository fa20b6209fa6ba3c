package dev.aurum.aquavm.data;

/** Checks for AquaVM's {@code u32} fields, which the model keeps in a {@code long} to stay unsigned. */
public final class U32 {

    public static final long MAX = 0xFFFF_FFFFL;

    private U32() {
    }

    /** {@code value} if it fits a u32, else {@link IllegalArgumentException} naming {@code field}. */
    public static long check(long value, String field) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(field + " is not a u32: " + value);
        }
        return value;
    }
}
