package dev.aurum.proofs.protocol;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes32;

/** A 64-byte RFC 8032 Ed25519 signature {@code R ‖ S}. */
public final class Ed25519Signature {
    private final byte[] bytes;

    private Ed25519Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Ed25519Signature of(byte[] sig64) {
        if (sig64.length != 64) {
            throw new IllegalArgumentException("Ed25519 signature must be 64 bytes, got " + sig64.length);
        }
        return new Ed25519Signature(sig64.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Bytes32 r() {
        return Bytes32.wrap(Arrays.copyOfRange(bytes, 0, 32));
    }

    public Bytes32 s() {
        return Bytes32.wrap(Arrays.copyOfRange(bytes, 32, 64));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519Signature that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
