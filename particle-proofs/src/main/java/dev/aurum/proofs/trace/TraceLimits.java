package dev.aurum.proofs.trace;

/** Upper bounds the trace decoder enforces before it loops or allocates. */
public final class TraceLimits {

    private TraceLimits() {
    }

    /** Whole encoded trace. */
    public static final int MAX_TRACE_BYTES = 256 << 20;
    /** AquaVM's default AIR size limit. */
    public static final int MAX_SCRIPT_BYTES = 16 << 20;
    /** AquaVM's default particle size limit. */
    public static final int MAX_BLOB_BYTES = 64 << 20;
    public static final int MAX_BLOBS = 200_000;
    public static final int MAX_HOPS = 10_000;
    /** Invoke rounds per hop: the runtime's bound on the invoke → services → invoke loop. */
    public static final int MAX_ROUNDS = 64;
    public static final int MAX_NEXT_PEERS = 1_024;
    /** Base58 PeerIds are 52 characters for Ed25519; leave room, but not much. */
    public static final int MAX_PEER_ID_BYTES = 128;
    public static final int MAX_PARTICLE_ID_BYTES = 256;
    public static final int MAX_ERROR_MESSAGE_BYTES = 64 << 10;
    public static final int SIGNATURE_BYTES = 64;
}
