package dev.aurum.proofs.trace;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.particle.ParticleSigning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Synthetic, well-formed traces for codec tests (the bytes are placeholders, not real AquaVM data). */
final class SampleTraces {

    private SampleTraces() {
    }

    static SignedTrace twoHops() {
        KeyPair a = KeyPair.forTestName("a");
        KeyPair b = KeyPair.forTestName("b");
        ParticleHeader header = ParticleSigning.sign(a, "particle-1", 1_700_000_000_000L, 60_000, "(call \"b\" (\"s\" \"f\") [])");
        BlobStore.Builder blobs = BlobStore.builder();
        ContentHash empty = blobs.add(new byte[0]);
        ContentHash none = blobs.add(new byte[] {(byte) 0x81, 0x04, (byte) 0x80});
        ContentHash d1 = blobs.add("data-1".getBytes(StandardCharsets.UTF_8));
        ContentHash d2 = blobs.add("data-2".getBytes(StandardCharsets.UTF_8));
        ContentHash req = blobs.add("requests".getBytes(StandardCharsets.UTF_8));
        ContentHash res = blobs.add("results".getBytes(StandardCharsets.UTF_8));
        String pb = b.peerId().toString();
        List<Hop> hops = new ArrayList<>();
        Hop h0 = new Hop(0, a.peerId().toString(), -1, 1_700_000_000_000L, empty, empty,
                List.of(new InvokeRound(none, 0, "", d1, none, List.of(pb), 0)),
                HopChain.headerHash(header), null);
        h0 = h0.withSignature(a.sign(HopChain.signingMessage(h0)).toRawBytes());
        hops.add(h0);
        Hop h1 = new Hop(1, pb, 0, 1_700_000_000_010L, d1, empty,
                List.of(new InvokeRound(none, 0, "", d1, req, List.of(), 0),
                        new InvokeRound(res, 0, "", d2, none, List.of(), 0)),
                HopChain.recordHash(h0), null);
        h1 = h1.withSignature(b.sign(HopChain.signingMessage(h1)).toRawBytes());
        hops.add(h1);
        return new SignedTrace(header, hops, blobs.build());
    }
}
