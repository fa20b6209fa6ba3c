package dev.aurum.verifier;

import java.util.List;

/**
 * The verdict on a signed trace and what supports it.
 *
 * @param valid        true if every check passed on every hop
 * @param failure      the first failure, or null if valid
 * @param engine       the engine that replayed the hops
 * @param traceHash    SHA-256 of the encoded trace (hex), empty if it did not decode
 * @param particleId   the particle id (empty if the trace did not decode)
 * @param initPeer     the init peer
 * @param now          the time TTL and timestamps were checked against
 * @param hops         per hop, in trace order
 * @param participants peers in order of first appearance, with their proven service calls
 *                     (only from verified hops)
 */
public record VerificationReport(boolean valid, Failure failure, String engine, String traceHash, String particleId,
                                 String initPeer, long now, List<HopReport> hops, List<Participant> participants) {

    public VerificationReport {
        hops = List.copyOf(hops);
        participants = List.copyOf(participants);
        if (valid != (failure == null)) {
            throw new IllegalArgumentException("a report is valid exactly when it has no failure");
        }
    }

    /** The first failing hop, or -1. */
    public int failingHop() {
        return failure == null ? -1 : failure.hop();
    }
}
