package dev.aurum.verifier;

/** The verifier's checks, in the order they run for each hop; a failure names the one that failed. */
public enum Check {
    DECODE("the trace decodes (canonical CBOR, bounds, blob references)"),
    HEADER_SIGNATURE("the particle header is signed by the init peer"),
    INIT_HOP("the first hop is the init peer executing the particle"),
    HOP_CHAIN("each hop links to the hash of the previous hop record"),
    HOP_SIGNATURE("each hop is signed by its peer"),
    TOPOLOGY("data only reaches peers the sender's outcome named, each delivery once, as sent"),
    TIMESTAMPS("hop times follow the particle timestamp and the deliveries, and are not after 'now'"),
    TTL("no hop happens after the particle expired"),
    PREV_DATA("a peer's prev data is what it produced at its previous hop"),
    CALL_RESULTS("call results answer exactly the calls the previous round requested"),
    CID_STORE("the CID stores of the received data verify (AquaVM error 8)"),
    DATA_SIGNATURE("every peer's call results are signed by that peer (AquaVM error 9)"),
    ARGUMENTS("stored argument hashes and tetraplets match the instruction (AquaVM error 20017)"),
    TRACE_MERGE("the received trace merges with the script and prev data (AquaVM error 20000)"),
    OUTCOME("the replayed outcome equals the recorded one (ret code, message, next peers, call requests)"),
    DATA("the replayed data equals the recorded data (up to the peer's own signature)"),
    PEER_DATA_SIGNATURE("the peer's signature in its resulting data verifies"),
    ENGINE("the engine replays the hop without trapping (a trap is an engine or host bug, or input beyond its limits)"),
    INCOMPLETE("every delivery a hop's outcome named has its hop, unless the particle had expired by 'now' "
            + "(a trace whose last hops were cut off is not valid)");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
