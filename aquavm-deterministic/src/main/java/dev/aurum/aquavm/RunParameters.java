package dev.aurum.aquavm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The environment of one interpreter step, field for field the Marine {@code RunParameters} record
 * of AquaVM 0.62 (11 fields, in this order).
 *
 * @param initPeerId          peer that started the particle
 * @param currentPeerId       this peer
 * @param timestamp           particle timestamp, ms since epoch (u64)
 * @param ttl                 particle time to live, ms (u32, kept in a long)
 * @param keyFormat           0 = Ed25519 (the only accepted format)
 * @param secretKeyBytes      the 32-byte Ed25519 seed of this peer
 * @param particleId          particle id, the salt of every data signature
 * @param airSizeLimit        max AIR size in bytes
 * @param particleSizeLimit   max current_data size in bytes
 * @param callResultSizeLimit max size of one call result's text
 * @param hardLimitEnabled    true: exceeding a limit fails the run; false: only flags the outcome
 */
public record RunParameters(
        String initPeerId,
        String currentPeerId,
        long timestamp,
        long ttl,
        int keyFormat,
        byte[] secretKeyBytes,
        String particleId,
        long airSizeLimit,
        long particleSizeLimit,
        long callResultSizeLimit,
        boolean hardLimitEnabled) {

    /** AquaVM's default limits: 16 MiB AIR, 64 MiB particle, 32 MiB call result. */
    public static final long DEFAULT_AIR_SIZE_LIMIT = 16L << 20;
    public static final long DEFAULT_PARTICLE_SIZE_LIMIT = 64L << 20;
    public static final long DEFAULT_CALL_RESULT_SIZE_LIMIT = 32L << 20;

    public RunParameters {
        Objects.requireNonNull(initPeerId, "initPeerId");
        Objects.requireNonNull(currentPeerId, "currentPeerId");
        Objects.requireNonNull(particleId, "particleId");
        secretKeyBytes = secretKeyBytes == null ? new byte[0] : secretKeyBytes.clone();
        if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ttl must be a u32, got " + ttl);
        }
    }

    /** Parameters with AquaVM's default size limits and soft (flag-only) limit handling. */
    public static RunParameters of(String initPeerId, String currentPeerId, long timestamp, long ttl,
                                   byte[] ed25519Seed, String particleId) {
        return new RunParameters(initPeerId, currentPeerId, timestamp, ttl, 0, ed25519Seed, particleId,
                DEFAULT_AIR_SIZE_LIMIT, DEFAULT_PARTICLE_SIZE_LIMIT, DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
    }

    @Override
    public byte[] secretKeyBytes() {
        return secretKeyBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunParameters p
                && initPeerId.equals(p.initPeerId) && currentPeerId.equals(p.currentPeerId)
                && timestamp == p.timestamp && ttl == p.ttl && keyFormat == p.keyFormat
                && Arrays.equals(secretKeyBytes, p.secretKeyBytes) && particleId.equals(p.particleId)
                && airSizeLimit == p.airSizeLimit && particleSizeLimit == p.particleSizeLimit
                && callResultSizeLimit == p.callResultSizeLimit && hardLimitEnabled == p.hardLimitEnabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initPeerId, currentPeerId, timestamp, ttl, keyFormat,
                Arrays.hashCode(secretKeyBytes), particleId);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "RunParameters[initPeerId=" + initPeerId + ", currentPeerId=" + currentPeerId
                + ", timestamp=" + timestamp + ", ttl=" + ttl + ", keyFormat=" + keyFormat
                + ", particleId=" + particleId + ", limits=" + airSizeLimit + "/" + particleSizeLimit
                + "/" + callResultSizeLimit + (hardLimitEnabled ? " hard" : " soft") + "]";
    }
}
