package dev.aurum.aquavm.data;

import java.util.List;
import java.util.Objects;

/**
 * AquaVM's particle data (format 0.17.x), the content of the envelope's {@code inner_data}.
 *
 * @param trace             the execution trace
 * @param lastCallRequestId {@code lcid} (u32): last call-request id this peer issued
 * @param cidInfo           the CID stores
 * @param signatures        peers' signatures over the CIDs they produced
 */
public record InterpreterData(List<ExecutedState> trace, long lastCallRequestId, CidInfo cidInfo, SignatureStore signatures) {

    public static final InterpreterData EMPTY = new InterpreterData(List.of(), 0, CidInfo.EMPTY, SignatureStore.EMPTY);

    public InterpreterData {
        trace = List.copyOf(trace);
        U32.check(lastCallRequestId, "lcid");
        Objects.requireNonNull(cidInfo, "cidInfo");
        Objects.requireNonNull(signatures, "signatures");
    }
}
