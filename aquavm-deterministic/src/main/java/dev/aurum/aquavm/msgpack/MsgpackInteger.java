package dev.aurum.aquavm.msgpack;

/**
 * A MessagePack integer as read: {@code negative} values hold an i64 in {@code bits}; non-negative
 * values hold a u64 in {@code bits} (values of 2^63 and above appear as negative longs).
 */
public record MsgpackInteger(long bits, boolean negative) {

    public boolean fitsLong() {
        return negative || bits >= 0;
    }

    public boolean inRange(long min, long max) {
        return fitsLong() && bits >= min && bits <= max;
    }

    @Override
    public String toString() {
        return negative ? Long.toString(bits) : Long.toUnsignedString(bits);
    }
}
