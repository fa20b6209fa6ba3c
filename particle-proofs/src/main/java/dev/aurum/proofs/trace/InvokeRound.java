package dev.aurum.proofs.trace;

import java.util.List;
import java.util.Objects;

/**
 * One {@code AquaVm.invoke} at a hop: the call results it was given and the outcome it returned.
 * Round 0 runs on (prev data, incoming data, no call results); round k &gt; 0 on (data of round k-1,
 * empty, the results of the calls requested in round k-1).
 *
 * @param callResults  hash of the multiformat-msgpack call results passed in
 * @param retCode      outcome ret code (0 = success)
 * @param errorMessage outcome error message
 * @param data         hash of the outcome data envelope
 * @param callRequests hash of the outcome call requests
 * @param nextPeers    outcome next peers, sorted and without duplicates (AquaVM gives them unordered)
 * @param limitFlags   bit 0 air size, bit 1 particle size, bit 2 call result size limit exceeded
 */
public record InvokeRound(ContentHash callResults, long retCode, String errorMessage, ContentHash data,
                          ContentHash callRequests, List<String> nextPeers, int limitFlags) {

    public static final int AIR_SIZE_LIMIT_EXCEEDED = 1;
    public static final int PARTICLE_SIZE_LIMIT_EXCEEDED = 2;
    public static final int CALL_RESULT_SIZE_LIMIT_EXCEEDED = 4;

    public InvokeRound {
        Objects.requireNonNull(callResults, "callResults");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(callRequests, "callRequests");
        nextPeers = List.copyOf(nextPeers);
        if (limitFlags < 0 || limitFlags > 7) {
            throw new IllegalArgumentException("limitFlags must be 0..7, got " + limitFlags);
        }
    }
}
