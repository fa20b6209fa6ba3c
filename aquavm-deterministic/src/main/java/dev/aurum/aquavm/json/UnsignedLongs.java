package dev.aurum.aquavm.json;

/** u64 helpers written by hand: TeaVM lacks {@code Long.parseUnsignedLong}, and Java has no u64. */
final class UnsignedLongs {

    private UnsignedLongs() {
    }

    /** Rounds the u64 {@code bits} to the nearest double (ties to even), like Rust's {@code u64 as f64}. */
    static double toDouble(long bits) {
        if (bits >= 0) {
            return (double) bits;
        }
        // Halve with a sticky low bit so that the signed conversion rounds exactly as the unsigned would.
        long halved = (bits >>> 1) | (bits & 1);
        return ((double) halved) * 2.0;
    }
}
