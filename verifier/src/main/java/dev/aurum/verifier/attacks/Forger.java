package dev.aurum.verifier.attacks;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.trace.BlobStore;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Editing tools for forging traces: change hops, add blobs, and re-sign (renumber, relink, sign with
 * the peers' keys) so that a forgery passes every check except the one it targets. The forger is
 * assumed to hold every scenario key, the strongest attacker short of breaking the engine's own checks.
 */
final class Forger {

    private final SignedTrace honest;
    private final Map<String, KeyPair> keys;
    private final TreeMap<ContentHash, byte[]> extraBlobs = new TreeMap<>();

    Forger(SignedTrace honest, Map<String, KeyPair> keys) {
        this.honest = honest;
        this.keys = keys;
    }

    SignedTrace honest() {
        return honest;
    }

    List<Hop> hops() {
        return new ArrayList<>(honest.hops());
    }

    Hop hop(int i) {
        return honest.hops().get(i);
    }

    byte[] blob(ContentHash h) {
        byte[] b = extraBlobs.get(h);
        return b != null ? b.clone() : honest.blob(h);
    }

    ContentHash add(byte[] content) {
        ContentHash h = ContentHash.of(content);
        extraBlobs.put(h, content.clone());
        return h;
    }

    KeyPair key(String peerId) {
        KeyPair k = keys.get(peerId);
        if (k == null) {
            throw new IllegalArgumentException("no key for " + peerId);
        }
        return k;
    }

    static Hop with(Hop h, int index, String peer, int from, long time, ContentHash incoming, ContentHash prev,
                    List<InvokeRound> rounds) {
        return new Hop(index, peer, from, time, incoming, prev, rounds, h.link(), h.signature());
    }

    static Hop withRounds(Hop h, List<InvokeRound> rounds) {
        return with(h, h.index(), h.peer(), h.from(), h.time(), h.incoming(), h.prev(), rounds);
    }

    static Hop withRound(Hop h, int k, InvokeRound round) {
        List<InvokeRound> rounds = new ArrayList<>(h.rounds());
        rounds.set(k, round);
        return withRounds(h, rounds);
    }

    static InvokeRound round(InvokeRound r, ContentHash results, long ret, String error, ContentHash data,
                             ContentHash requests, List<String> next) {
        return new InvokeRound(results, ret, error, data, requests, next, r.limitFlags());
    }

    /** Renumbers all hops, then relinks and re-signs hops {@code from..} with their peers' keys. */
    SignedTrace resign(ParticleHeader header, List<Hop> hops, int from) {
        List<Hop> out = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            if (h.index() != i) {
                h = with(h, i, h.peer(), h.from(), h.time(), h.incoming(), h.prev(), h.rounds());
            }
            if (i >= from) {
                Hop linked = h.withLink(HopChain.expectedLink(header, out, i));
                h = linked.withSignature(key(linked.peer()).sign(HopChain.signingMessage(linked)).toRawBytes());
            }
            out.add(h);
        }
        return build(header, out);
    }

    /** A trace of exactly these hops, holding exactly the blobs they reference. */
    SignedTrace build(ParticleHeader header, List<Hop> hops) {
        BlobStore.Builder b = BlobStore.builder();
        for (Hop h : hops) {
            b.add(blob(h.incoming()));
            b.add(blob(h.prev()));
            for (InvokeRound r : h.rounds()) {
                b.add(blob(r.callResults()));
                b.add(blob(r.data()));
                b.add(blob(r.callRequests()));
            }
        }
        return new SignedTrace(header, hops, b.build());
    }
}
