package dev.aurum.aquavm.data;

import java.util.Objects;

/** The state of a {@code canon}. rkyv tags: RequestSentBy 0, Executed 1. */
public sealed interface CanonResult {

    /** Sent to the canon's peer by {@code peerId}. */
    record RequestSentBy(String peerId) implements CanonResult {
        public RequestSentBy {
            Objects.requireNonNull(peerId, "peerId");
        }
    }

    /** Done: CID of the CanonResultCidAggregate. */
    record Executed(String canonResultCid) implements CanonResult {
        public Executed {
            Objects.requireNonNull(canonResultCid, "canonResultCid");
        }
    }
}
