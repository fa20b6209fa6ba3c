package dev.aurum.proofs.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One peer handling one arrival of the particle: the data it received, its prev data, every invoke
 * round, and its Ed25519 signature over the hop record, which includes {@code link}, the hash of the
 * previous hop record (of the particle header for hop 0). The chain makes reordering, dropping or
 * replacing a hop detectable.
 *
 * @param index     position in the trace, 0-based
 * @param peer      base58 PeerId of the executing peer
 * @param from      index of the hop whose outcome delivered the incoming data; -1 for the init hop
 * @param time      the peer's time when the particle arrived, ms since epoch
 * @param incoming  hash of the received data ({@code current_data} of round 0)
 * @param prev      hash of the peer's stored prev data for this particle (empty if first visit)
 * @param rounds    the invoke rounds, at least one
 * @param link      hash of the previous hop record, or of the particle header for hop 0
 * @param signature 64-byte Ed25519 signature of {@code peer} over {@link HopChain#signingMessage}
 */
public record Hop(int index, String peer, int from, long time, ContentHash incoming, ContentHash prev,
                  List<InvokeRound> rounds, ContentHash link, byte[] signature) {

    public Hop {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(link, "link");
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a hop has at least one invoke round");
        }
        if (index < 0 || from < -1 || time < 0) {
            throw new IllegalArgumentException("bad hop index/from/time " + index + "/" + from + "/" + time);
        }
        signature = signature == null ? new byte[0] : signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The data the hop ends with: the last round's outcome data, delivered to {@link #nextPeers()}. */
    public ContentHash outData() {
        return rounds.get(rounds.size() - 1).data();
    }

    /** Peers the hop sends the particle to: the sorted union of every round's next peers. */
    public List<String> nextPeers() {
        TreeSet<String> all = new TreeSet<>();
        for (InvokeRound r : rounds) {
            all.addAll(r.nextPeers());
        }
        return List.copyOf(all);
    }

    public Hop withSignature(byte[] newSignature) {
        return new Hop(index, peer, from, time, incoming, prev, rounds, link, newSignature);
    }

    public Hop withLink(ContentHash newLink) {
        return new Hop(index, peer, from, time, incoming, prev, rounds, newLink, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hop h && index == h.index && peer.equals(h.peer) && from == h.from
                && time == h.time && incoming.equals(h.incoming) && prev.equals(h.prev)
                && rounds.equals(h.rounds) && link.equals(h.link) && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, peer, from, time, incoming, prev, rounds, link, Arrays.hashCode(signature));
    }
}
