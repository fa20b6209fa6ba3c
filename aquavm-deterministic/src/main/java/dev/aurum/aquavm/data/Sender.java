package dev.aurum.aquavm.data;

import java.util.Objects;

/** Who sent a call request away. rkyv tags: PeerId 0, PeerIdWithCallId 1. */
public sealed interface Sender {

    /** Sent to another peer by {@code peerId}. */
    record PeerId(String peerId) implements Sender {
        public PeerId {
            Objects.requireNonNull(peerId, "peerId");
        }
    }

    /** A local call awaiting the host's result for call request {@code callId} (u32). */
    record PeerIdWithCallId(String peerId, long callId) implements Sender {
        public PeerIdWithCallId {
            Objects.requireNonNull(peerId, "peerId");
            U32.check(callId, "call_id");
        }
    }
}
