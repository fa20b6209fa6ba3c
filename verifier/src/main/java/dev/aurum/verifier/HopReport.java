package dev.aurum.verifier;

import java.util.List;

/**
 * What the verifier found at one hop.
 *
 * @param status VERIFIED, FAILED (the first failing hop) or NOT_CHECKED (after the failure)
 */
public record HopReport(int index, String peer, int from, long time, int rounds, List<String> nextPeers,
                        List<CallSummary> calls, Status status) {

    public enum Status { VERIFIED, FAILED, NOT_CHECKED }

    public HopReport {
        nextPeers = List.copyOf(nextPeers);
        calls = List.copyOf(calls);
    }
}
