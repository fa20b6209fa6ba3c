package dev.aurum.proofs.particle;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything of a nox particle except its data: what the init peer signs. The signature covers
 * {@code id, timestamp, ttl, script} (see {@link ParticleSigning}); {@code data} changes at every hop.
 *
 * @param id         particle id (a UUID in nox; the salt of every AquaVM data signature)
 * @param initPeerId base58 PeerId of the peer that started the particle
 * @param timestamp  creation time, ms since epoch (u64; here 0..2^63-1)
 * @param ttl        time to live, ms (u32)
 * @param script     the AIR script
 * @param signature  raw 64-byte Ed25519 signature of the init peer (empty = unsigned)
 */
public record ParticleHeader(String id, String initPeerId, long timestamp, long ttl, String script, byte[] signature) {

    public ParticleHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(initPeerId, "initPeerId");
        Objects.requireNonNull(script, "script");
        signature = signature == null ? new byte[0] : signature.clone();
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0, got " + timestamp);
        }
        if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ttl must be a u32, got " + ttl);
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The last millisecond at which the particle is alive: nox drops it when {@code now > timestamp + ttl}. */
    public long deadline() {
        return timestamp + ttl;
    }

    /** True if the particle is expired at {@code now} (nox rule, overflow impossible with u63 + u32). */
    public boolean isExpiredAt(long now) {
        return now > deadline();
    }

    public ParticleHeader withSignature(byte[] newSignature) {
        return new ParticleHeader(id, initPeerId, timestamp, ttl, script, newSignature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticleHeader p && id.equals(p.id) && initPeerId.equals(p.initPeerId)
                && timestamp == p.timestamp && ttl == p.ttl && script.equals(p.script)
                && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, initPeerId, timestamp, ttl, script, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "ParticleHeader[id=" + id + ", initPeerId=" + initPeerId + ", timestamp=" + timestamp
                + ", ttl=" + ttl + ", script=" + script.length() + " chars]";
    }
}
