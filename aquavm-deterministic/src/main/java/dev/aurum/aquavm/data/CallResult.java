package dev.aurum.aquavm.data;

import java.util.Objects;

/** The state of a {@code call}. rkyv tags: RequestSentBy 0, Executed 1, Failed 2. */
public sealed interface CallResult {

    /** The call was handed on (to another peer, or to this peer's host) and awaits its result. */
    record RequestSentBy(Sender sender) implements CallResult {
        public RequestSentBy {
            Objects.requireNonNull(sender, "sender");
        }
    }

    /** The call succeeded; where its value went. */
    record Executed(ValueRef value) implements CallResult {
        public Executed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The service failed: CID of the ServiceResultCidAggregate whose value is {@code {message, ret_code}}. */
    record Failed(String serviceResultCid) implements CallResult {
        public Failed {
            Objects.requireNonNull(serviceResultCid, "serviceResultCid");
        }
    }
}
