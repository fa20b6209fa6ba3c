package dev.aurum.proofs.protocol;

import java.math.BigInteger;

/** A golden target: hop k is golden iff its golden hash, as uint256, is strictly below the target. */
public record Target(BigInteger value) implements Comparable<Target> {
    /** Largest target the contract accepts (2^252 − 1): keeps retarget arithmetic far from overflow. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE);

    public Target {
        if (value == null || value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("target must be in [1, 2^252-1]: " + value);
        }
    }

    /** A target that makes a hop golden with probability about {@code 1/n}. */
    public static Target oneIn(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        BigInteger t = BigInteger.ONE.shiftLeft(256).divide(BigInteger.valueOf(n));
        return new Target(t.min(MAX));
    }

    public boolean isMetBy(BigInteger goldenHash) {
        return goldenHash.compareTo(value) < 0;
    }

    @Override
    public int compareTo(Target other) {
        return value.compareTo(other.value);
    }
}
