package dev.aurum.proofs.trace;

import dev.aurum.proofs.particle.ParticleHeader;

import java.util.List;
import java.util.Objects;

/**
 * A particle's signed trace: the signed particle header, every hop in the order the hops happened,
 * and the blobs (data envelopes, call results, call requests) the hops refer to by hash.
 * Encoded with {@link TraceCodec}; the format is documented in {@code docs/formats.md}.
 */
public record SignedTrace(ParticleHeader particle, List<Hop> hops, BlobStore blobs) {

    /** Format version written in every trace. */
    public static final int VERSION = 1;

    public SignedTrace {
        Objects.requireNonNull(particle, "particle");
        Objects.requireNonNull(blobs, "blobs");
        hops = List.copyOf(hops);
    }

    /** The blob for a hash; throws if absent (a decoded trace always holds every referenced blob). */
    public byte[] blob(ContentHash hash) {
        byte[] b = blobs.get(hash);
        if (b == null) {
            throw new IllegalStateException("trace holds no blob " + hash);
        }
        return b;
    }
}
