package dev.aurum.aquavm.data;

import java.util.Arrays;

/**
 * A peer's signature over its CIDs as InterpreterData stores it: the fluence-keypair encoding, a
 * format byte followed by the signature (Ed25519: {@code 00 ‖ 64 bytes}). Raw bytes in rkyv, base58
 * in the JSON dump.
 */
public final class EncodedSignature {

    private final byte[] bytes;

    private EncodedSignature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static EncodedSignature of(byte[] encoded) {
        return new EncodedSignature(encoded.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedSignature s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedSignature[" + org.bouncycastle.util.encoders.Hex.toHexString(bytes) + "]";
    }
}
