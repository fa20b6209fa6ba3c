package dev.aurum.proofs.protocol;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An AquaVM peer's Ed25519 public key (the key inside a {@code 12D3KooW…} PeerId).
 * TODO unify with the core key type in dev.aurum.aquavm.crypto once that lands.
 */
public final class PeerPublicKey {
    private final byte[] key;

    private PeerPublicKey(byte[] key) {
        this.key = key;
    }

    public static PeerPublicKey of(byte[] key32) {
        if (key32.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + key32.length);
        }
        return new PeerPublicKey(key32.clone());
    }

    public Bytes32 bytes32() {
        return Bytes32.wrap(key.clone());
    }

    /** RFC 8032 verification of a signature over a 32-byte digest. */
    public boolean verify(Bytes32 digest, Ed25519Signature signature) {
        return Ed25519.verify(signature.bytes(), 0, key, 0, digest.toArray(), 0, 32);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerPublicKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "PeerPublicKey[0x" + Hex.encode(key) + "]";
    }
}
