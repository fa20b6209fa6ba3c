package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PeerId;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.nio.charset.StandardCharsets;

/**
 * A peer's Ed25519 identity. Keeps the 32-byte seed because AquaVM takes it in
 * {@code RunParameters.secretKeyBytes} to sign the peer's data; the seed is never printed.
 */
public final class PeerIdentity {

    private final String name;
    private final byte[] seed;
    private final KeyPair keys;

    private PeerIdentity(String name, byte[] seed) {
        this.name = name;
        this.seed = seed;
        this.keys = KeyPair.fromSeed(seed);
    }

    /** A deterministic test identity: seed = SHA-256(UTF-8 name), the same as {@link KeyPair#forTestName}. */
    public static PeerIdentity forName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        SHA256Digest sha = new SHA256Digest();
        sha.update(utf8, 0, utf8.length);
        byte[] seed = new byte[KeyPair.SEED_LENGTH];
        sha.doFinal(seed, 0);
        return new PeerIdentity(name, seed);
    }

    public static PeerIdentity fromSeed(String name, byte[] seed) {
        return new PeerIdentity(name, seed.clone());
    }

    /** A label for humans (the scenario name of the peer); not part of any signed data. */
    public String name() {
        return name;
    }

    public PeerId peerId() {
        return keys.peerId();
    }

    public KeyPair keys() {
        return keys;
    }

    byte[] seed() {
        return seed.clone();
    }

    @Override
    public String toString() {
        return "PeerIdentity[" + name + " = " + peerId() + "]";
    }
}
