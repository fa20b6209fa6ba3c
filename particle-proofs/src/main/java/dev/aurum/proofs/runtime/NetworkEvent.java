package dev.aurum.proofs.runtime;

/**
 * Something the network did besides running a hop: a particle it did not deliver, or a peer that
 * stopped early. Not part of the signed trace; reported beside it.
 *
 * @param kind    what happened
 * @param fromHop the hop whose outcome was being delivered (-1 for the initial delivery)
 * @param peer    the peer concerned
 * @param time    network time, ms
 * @param detail  human-readable detail
 */
public record NetworkEvent(Kind kind, int fromHop, String peer, long time, String detail) {

    public enum Kind {
        /** arrival after {@code timestamp + ttl}: dropped, as nox does */
        EXPIRED,
        /** the bounded delivery queue was full */
        QUEUE_FULL,
        /** a next peer that is not part of the network */
        UNKNOWN_PEER,
        /** the run's bound on hops was reached; remaining deliveries dropped */
        HOP_LIMIT,
        /** a peer reached its bound on invoke rounds with service calls pending */
        ROUND_LIMIT,
        /** a peer's host could not continue the invoke loop */
        HOST_ERROR
    }
}
