package dev.aurum.proofs.runtime;

import java.util.List;

/**
 * What one peer did with one arrival of a particle.
 *
 * @param prev              the prev data the peer had stored for the particle
 * @param incoming          the data that arrived
 * @param rounds            every invoke, in order
 * @param roundLimitReached the invoke → services → invoke loop stopped at the peer's bound with calls pending
 * @param hostError         empty, or why the host could not continue (e.g. undecodable call requests)
 */
public record HopExecution(byte[] prev, byte[] incoming, List<ExecutedRound> rounds, boolean roundLimitReached,
                           String hostError) {

    public HopExecution {
        prev = prev.clone();
        incoming = incoming.clone();
        rounds = List.copyOf(rounds);
    }

    @Override
    public byte[] prev() {
        return prev.clone();
    }

    @Override
    public byte[] incoming() {
        return incoming.clone();
    }

    /** The data the hop ends with. */
    public byte[] finalData() {
        return rounds.get(rounds.size() - 1).outcome().data();
    }
}
