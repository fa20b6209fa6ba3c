package dev.aurum.proofs.protocol;

import java.math.BigInteger;

/**
 * The per-epoch target adjustment (docs/protocol.md §4): aim at {@code desiredClaims} per epoch, change by
 * at most ×4 or ÷4, stay within [1, {@link Target#MAX}]. Mirrors the contract's integer arithmetic exactly.
 */
public final class Retarget {
    private static final BigInteger FOUR = BigInteger.valueOf(4);

    private Retarget() {}

    public static Target next(Target current, long observedClaims, long desiredClaims) {
        if (observedClaims < 0 || desiredClaims < 1) {
            throw new IllegalArgumentException("claims must be non-negative and the desired rate positive");
        }
        BigInteger t = current.value();
        BigInteger up = t.multiply(FOUR);
        BigInteger down = t.divide(FOUR);
        BigInteger next;
        if (observedClaims == 0) {
            next = up;
        } else {
            next = t.divide(BigInteger.valueOf(observedClaims)).multiply(BigInteger.valueOf(desiredClaims));
            next = next.max(down).min(up);
        }
        next = next.max(BigInteger.ONE).min(Target.MAX);
        return new Target(next);
    }
}
