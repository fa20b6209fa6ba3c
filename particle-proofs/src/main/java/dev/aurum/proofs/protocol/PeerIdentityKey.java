package dev.aurum.proofs.protocol;

import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An AquaVM peer's Ed25519 secret key, used here only to sign the registration binding.
 * TODO unify with the core key type in dev.aurum.aquavm.crypto once that lands.
 */
public final class PeerIdentityKey {
    private final byte[] seed;
    private final PeerPublicKey publicKey;

    private PeerIdentityKey(byte[] seed) {
        this.seed = seed;
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        this.publicKey = PeerPublicKey.of(pk);
    }

    public static PeerIdentityKey fromSeed(Bytes32 seed) {
        return new PeerIdentityKey(seed.toArray());
    }

    /** A test or devnet key: the seed is {@code keccak256(label)}. Not for real identities. */
    public static PeerIdentityKey deriveForTesting(String label) {
        return fromSeed(Keccak.keccak256Utf8(label));
    }

    public PeerPublicKey publicKey() {
        return publicKey;
    }

    /** Signs a peer binding's EIP-712 digest (a 32-byte message). */
    public Ed25519Signature sign(Eip712Domain domain, PeerBinding binding) {
        if (!binding.peerKey().equals(publicKey)) {
            throw new IllegalArgumentException("binding is for another peer key");
        }
        return signDigest(domain.digest(binding.hash()));
    }

    Ed25519Signature signDigest(Bytes32 digest) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, digest.toArray(), 0, 32, sig, 0);
        return Ed25519Signature.of(sig);
    }

    @Override
    public String toString() {
        return "PeerIdentityKey[" + publicKey + "]";
    }
}
