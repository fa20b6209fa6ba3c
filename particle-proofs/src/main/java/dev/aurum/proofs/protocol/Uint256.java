package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/** Conversions between non-negative {@link BigInteger}s and 32-byte big-endian words. */
public final class Uint256 {
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private Uint256() {}

    public static Bytes32 toWord(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return Bytes32.wrap(out);
    }

    public static BigInteger fromWord(Bytes32 word) {
        return new BigInteger(1, word.toArray());
    }

    static void requireRange(String what, BigInteger value, int bits) {
        if (value == null || value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(what + " must be a uint" + bits + ": " + value);
        }
    }
}
