package dev.aurum.aquavm.data;

import java.util.Objects;

/** Where a canon element originally came from. rkyv tags: Literal 0, ServiceResult 1, Canon 2. */
public sealed interface Provenance {

    Literal LITERAL = new Literal();

    /** A literal or special value of the script. */
    record Literal() implements Provenance {
    }

    /** A call result: CID of its ServiceResultCidAggregate. */
    record ServiceResult(String cid) implements Provenance {
        public ServiceResult {
            Objects.requireNonNull(cid, "cid");
        }
    }

    /** A canon stream: CID of its CanonResultCidAggregate. */
    record Canon(String cid) implements Provenance {
        public Canon {
            Objects.requireNonNull(cid, "cid");
        }
    }
}
