package dev.aurum.aquavm.data;

import java.util.Objects;

/** A canon element: CIDs of its value and tetraplet, and its provenance. */
public record CanonCidAggregate(String valueCid, String tetrapletCid, Provenance provenance) {

    public CanonCidAggregate {
        Objects.requireNonNull(valueCid, "valueCid");
        Objects.requireNonNull(tetrapletCid, "tetrapletCid");
        Objects.requireNonNull(provenance, "provenance");
    }
}
