package dev.aurum.aquavm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of one interpreter step, field for field AquaVM's {@code InterpreterOutcome}.
 *
 * @param retCode       0 on success; otherwise the error code (see {@code docs/formats.md})
 * @param errorMessage  empty on success
 * @param data          the new data envelope (on uncatchable errors: the unchanged prev data)
 * @param nextPeerPks   peers to send the particle to; a set in meaning, order is not significant
 * @param callRequests  multiformat-msgpack map of call requests ({@code 81 04 80} = none)
 */
public record InterpreterOutcome(
        long retCode,
        String errorMessage,
        byte[] data,
        List<String> nextPeerPks,
        byte[] callRequests,
        boolean airSizeLimitExceeded,
        boolean particleSizeLimitExceeded,
        boolean callResultSizeLimitExceeded) {

    public InterpreterOutcome {
        Objects.requireNonNull(errorMessage, "errorMessage");
        data = data == null ? new byte[0] : data.clone();
        nextPeerPks = List.copyOf(nextPeerPks);
        callRequests = callRequests == null ? new byte[0] : callRequests.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] callRequests() {
        return callRequests.clone();
    }

    public boolean isSuccess() {
        return retCode == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterpreterOutcome x
                && retCode == x.retCode && errorMessage.equals(x.errorMessage)
                && Arrays.equals(data, x.data) && nextPeerPks.equals(x.nextPeerPks)
                && Arrays.equals(callRequests, x.callRequests)
                && airSizeLimitExceeded == x.airSizeLimitExceeded
                && particleSizeLimitExceeded == x.particleSizeLimitExceeded
                && callResultSizeLimitExceeded == x.callResultSizeLimitExceeded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(retCode, errorMessage, Arrays.hashCode(data), nextPeerPks, Arrays.hashCode(callRequests));
    }

    @Override
    public String toString() {
        return "InterpreterOutcome[retCode=" + retCode + ", errorMessage=" + errorMessage
                + ", data=" + data.length + " bytes, nextPeerPks=" + nextPeerPks
                + ", callRequests=" + callRequests.length + " bytes]";
    }
}
