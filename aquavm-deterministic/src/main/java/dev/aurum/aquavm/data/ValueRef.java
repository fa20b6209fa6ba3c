package dev.aurum.aquavm.data;

import java.util.Objects;

/** Where an executed call's value went. rkyv tags: Scalar 0, Stream 1, Unused 2. */
public sealed interface ValueRef {

    /** Into a scalar: CID of the ServiceResultCidAggregate. */
    record Scalar(String serviceResultCid) implements ValueRef {
        public Scalar {
            Objects.requireNonNull(serviceResultCid, "serviceResultCid");
        }
    }

    /** Into a stream, at {@code generation} (u32): CID of the ServiceResultCidAggregate. */
    record Stream(String serviceResultCid, long generation) implements ValueRef {
        public Stream {
            Objects.requireNonNull(serviceResultCid, "serviceResultCid");
            U32.check(generation, "stream.generation");
        }
    }

    /** Not kept: the CID of the value JSON itself (the value is not stored and not signed). */
    record Unused(String valueCid) implements ValueRef {
        public Unused {
            Objects.requireNonNull(valueCid, "valueCid");
        }
    }
}
