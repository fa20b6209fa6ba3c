package dev.aurum.aquavm.reference;

import dev.aurum.aquavm.crypto.KeyPair;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A test peer: an Ed25519 seed derived from a name, kept because {@code RunParameters} takes the seed,
 * and its keys from the core ({@link KeyPair}, PeerId, fluence key encoding).
 */
record TestPeer(String name, byte[] seed, KeyPair keys) {

    static TestPeer named(String name) {
        byte[] seed = new byte[KeyPair.SEED_LENGTH];
        SHA256Digest sha = new SHA256Digest();
        byte[] input = ("aurum-test-peer:" + name).getBytes(StandardCharsets.UTF_8);
        sha.update(input, 0, input.length);
        sha.doFinal(seed, 0);
        return new TestPeer(name, seed, KeyPair.fromSeed(seed));
    }

    String peerId() {
        return keys.peerId().toString();
    }

    /** AquaVM keys data signatures by the base58 of the fluence-encoded public key (format byte 0, then the key). */
    String signatureKey() {
        return keys.publicKey().toFluenceBase58();
    }
}
