package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/** A secp256k1 signature in Ethereum form: r, low s, and v ∈ {27, 28}. */
public record EcdsaSignature(BigInteger r, BigInteger s, int v) {
    public EcdsaSignature {
        Uint256.requireRange("r", r, 256);
        Uint256.requireRange("s", s, 256);
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("v must be 27 or 28: " + v);
        }
    }

    /** {@code r ‖ s ‖ v}, 65 bytes, as {@code ecrecover}-style tooling expects. */
    public byte[] toBytes65() {
        byte[] out = new byte[65];
        System.arraycopy(Uint256.toWord(r).toArrayUnsafe(), 0, out, 0, 32);
        System.arraycopy(Uint256.toWord(s).toArrayUnsafe(), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    public static EcdsaSignature fromBytes65(byte[] bytes) {
        if (bytes.length != 65) {
            throw new IllegalArgumentException("signature must be 65 bytes, got " + bytes.length);
        }
        byte[] r = new byte[32];
        byte[] s = new byte[32];
        System.arraycopy(bytes, 0, r, 0, 32);
        System.arraycopy(bytes, 32, s, 0, 32);
        return new EcdsaSignature(new BigInteger(1, r), new BigInteger(1, s), bytes[64] & 0xff);
    }

    public Bytes32 rWord() {
        return Uint256.toWord(r);
    }

    /** Whether s is in the lower half of the curve order (0 < s <= n/2), the only form verifiers accept (EIP-2). */
    public boolean isLowS() {
        return s.signum() > 0 && s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** EIP-2098 compact {@code vs}: the top bit of s carries {@code v − 27}; only defined for low s. */
    public Bytes32 vs() {
        if (s.compareTo(Secp256k1.HALF_N) > 0) {
            throw new IllegalStateException("high-s signatures have no compact form");
        }
        return Uint256.toWord(v == 28 ? s.setBit(255) : s);
    }
}
