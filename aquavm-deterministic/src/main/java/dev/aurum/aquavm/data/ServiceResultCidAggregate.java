package dev.aurum.aquavm.data;

import java.util.Objects;

/** A call result: CIDs of its value and tetraplet, and the CID of its argument list ({@code argument_hash}). */
public record ServiceResultCidAggregate(String valueCid, String argumentHash, String tetrapletCid) {

    public ServiceResultCidAggregate {
        Objects.requireNonNull(valueCid, "valueCid");
        Objects.requireNonNull(argumentHash, "argumentHash");
        Objects.requireNonNull(tetrapletCid, "tetrapletCid");
    }
}
