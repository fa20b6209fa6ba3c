package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.InterpreterOutcome;

import java.util.List;

/**
 * One invoke at a peer, with everything needed to record it: the call results given to the engine,
 * its outcome, and the service calls the host then made for the outcome's call requests.
 */
public record ExecutedRound(byte[] callResults, InterpreterOutcome outcome, List<ServiceCallRecord> serviceCalls) {

    public ExecutedRound {
        callResults = callResults.clone();
        serviceCalls = List.copyOf(serviceCalls);
    }

    @Override
    public byte[] callResults() {
        return callResults.clone();
    }
}
