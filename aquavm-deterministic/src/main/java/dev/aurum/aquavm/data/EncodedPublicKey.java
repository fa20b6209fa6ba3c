package dev.aurum.aquavm.data;

import java.util.Arrays;

/**
 * A peer's public key as InterpreterData stores it: the fluence-keypair encoding, i.e. a key-format
 * byte followed by the key (Ed25519: {@code 00 ‖ 32 bytes}). rkyv stores these raw bytes; the JSON
 * dump shows them in base58. Parsing and checking the key is the key library's job, not the codec's.
 */
public final class EncodedPublicKey implements Comparable<EncodedPublicKey> {

    private final byte[] bytes;

    private EncodedPublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static EncodedPublicKey of(byte[] encoded) {
        return new EncodedPublicKey(encoded.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public int compareTo(EncodedPublicKey other) {
        return CanonicalOrder.compareBytes(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedPublicKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedPublicKey[" + org.bouncycastle.util.encoders.Hex.toHexString(bytes) + "]";
    }
}
