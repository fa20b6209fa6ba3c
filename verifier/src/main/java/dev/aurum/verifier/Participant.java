package dev.aurum.verifier;

import java.util.List;

/** A peer that executed hops of the particle, with the service calls it performed (the basis for rewards). */
public record Participant(String peer, List<Integer> hops, List<CallSummary> calls) {

    public Participant {
        hops = List.copyOf(hops);
        calls = List.copyOf(calls);
    }
}
