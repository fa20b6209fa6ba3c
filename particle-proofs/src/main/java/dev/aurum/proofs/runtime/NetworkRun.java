package dev.aurum.proofs.runtime;

import dev.aurum.proofs.trace.SignedTrace;

import java.util.List;

/**
 * The result of running a particle on a {@link Network}: its signed trace, the network events, and
 * per hop the service calls made (index-aligned with {@code trace.hops()}).
 */
public record NetworkRun(SignedTrace trace, List<NetworkEvent> events, List<List<ServiceCallRecord>> serviceCallsPerHop) {

    public NetworkRun {
        events = List.copyOf(events);
        serviceCallsPerHop = List.copyOf(serviceCallsPerHop);
    }
}
