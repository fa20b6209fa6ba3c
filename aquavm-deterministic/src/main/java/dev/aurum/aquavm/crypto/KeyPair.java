package dev.aurum.aquavm.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair made from a 32-byte secret seed (Fluence's {@code KeyPair::from_secret_key} with
 * key format 0). Signing is deterministic RFC 8032 Ed25519. The seed never leaves this object and is
 * never printed.
 */
public final class KeyPair {

    public static final int SEED_LENGTH = 32;

    private final Ed25519PrivateKeyParameters secret;
    private final PublicKey publicKey;

    private KeyPair(byte[] seed) {
        this.secret = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = PublicKey.ofTrusted(secret.generatePublicKey().getEncoded());
    }

    /** The key pair of a 32-byte seed (the RFC 8032 private key). The array is copied, not kept. */
    public static KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        return new KeyPair(seed.clone());
    }

    /**
     * A deterministic key for tests and fixtures: seed = SHA-256 of the UTF-8 name. Anyone who knows the
     * name knows the key, so use it only for test peers ({@code forName("alice")} is the same everywhere).
     */
    public static KeyPair forTestName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        SHA256Digest digest = new SHA256Digest();
        digest.update(utf8, 0, utf8.length);
        byte[] seed = new byte[SEED_LENGTH];
        digest.doFinal(seed, 0);
        return new KeyPair(seed);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public PeerId peerId() {
        return publicKey.peerId();
    }

    public Signature sign(byte[] message) {
        // pure Ed25519 (RFC 8032, no context), on the message in place: Ed25519Signer would copy it
        byte[] signature = new byte[Signature.LENGTH];
        secret.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return Signature.ofTrusted(signature);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "KeyPair[" + peerId() + "]";
    }
}
