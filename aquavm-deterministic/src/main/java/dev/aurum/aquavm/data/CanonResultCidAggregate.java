package dev.aurum.aquavm.data;

import java.util.List;
import java.util.Objects;

/** A canon stream: CID of the canon's tetraplet and the CIDs of its elements, in order. */
public record CanonResultCidAggregate(String tetrapletCid, List<String> valueCids) {

    public CanonResultCidAggregate {
        Objects.requireNonNull(tetrapletCid, "tetrapletCid");
        valueCids = List.copyOf(valueCids);
    }
}
