package dev.aurum.proofs.trace;

import dev.aurum.proofs.particle.ParticleHeader;

import java.nio.charset.StandardCharsets;

/**
 * How hops are chained and what a peer signs. {@code link(0) = H(header)}, {@code link(i) = H(hop i-1
 * with its signature)}; the signed message is a domain tag followed by {@code H(hop without signature)}.
 * H is SHA-256 over the canonical CBOR encoding.
 */
public final class HopChain {

    /** Domain separation, so a hop signature can never be mistaken for any other Ed25519 message. */
    public static final String DOMAIN = "aurum/signed-trace/hop/v1";

    private HopChain() {
    }

    public static ContentHash headerHash(ParticleHeader header) {
        return ContentHash.of(TraceCodec.encodeHeader(header));
    }

    public static ContentHash recordHash(Hop hop) {
        return ContentHash.of(TraceCodec.encodeHop(hop, true));
    }

    /** The link hop {@code index} must carry, given the hops before it. */
    public static ContentHash expectedLink(ParticleHeader header, java.util.List<Hop> hops, int index) {
        return index == 0 ? headerHash(header) : recordHash(hops.get(index - 1));
    }

    /** The bytes the hop's peer signs with Ed25519. */
    public static byte[] signingMessage(Hop hop) {
        byte[] domain = DOMAIN.getBytes(StandardCharsets.UTF_8);
        byte[] digest = ContentHash.of(TraceCodec.encodeHop(hop, false)).bytes();
        byte[] msg = new byte[domain.length + digest.length];
        System.arraycopy(domain, 0, msg, 0, domain.length);
        System.arraycopy(digest, 0, msg, domain.length, digest.length);
        return msg;
    }
}
