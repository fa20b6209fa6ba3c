package dev.aurum.proofs.protocol;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A peer's receipt for one hop, signed with its receipt key (docs/protocol.md §3). Immutable; a class
 * rather than a record only so that its struct hash is computed once: the receipt chain, the signature
 * and the miner's golden test all need it, and the miner must stay a small fraction of hop processing.
 */
public final class HopReceipt {
    public static final String TYPE =
            "HopReceipt(bytes32 ticketHash,uint32 hopIndex,uint32 peer,bytes32 prevReceiptHash,bytes32 dataCommitment,bytes32 cidsHash)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    private final Bytes32 ticketHash;
    private final int hopIndex;
    private final long peer;
    private final Bytes32 prevReceiptHash;
    private final Bytes32 dataCommitment;
    private final Bytes32 cidsHash;
    private final Bytes32 hash;

    public HopReceipt(Bytes32 ticketHash, int hopIndex, long peer, Bytes32 prevReceiptHash, Bytes32 dataCommitment,
                      Bytes32 cidsHash) {
        if (hopIndex < 1 || hopIndex > ReceiptChain.MAX_HOPS) {
            throw new IllegalArgumentException("hopIndex must be in [1, " + ReceiptChain.MAX_HOPS + "]: " + hopIndex);
        }
        if (peer < 1 || peer > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("peer index must be a non-zero uint32: " + peer);
        }
        if (ticketHash == null || prevReceiptHash == null || dataCommitment == null || cidsHash == null) {
            throw new IllegalArgumentException("all hashes are required");
        }
        this.ticketHash = ticketHash;
        this.hopIndex = hopIndex;
        this.peer = peer;
        this.prevReceiptHash = prevReceiptHash;
        this.dataCommitment = dataCommitment;
        this.cidsHash = cidsHash;
        this.hash = new AbiWords(7)
                .word(TYPE_HASH)
                .word(ticketHash)
                .uint(hopIndex)
                .uint(peer)
                .word(prevReceiptHash)
                .word(dataCommitment)
                .word(cidsHash)
                .keccak();
    }

    public Bytes32 ticketHash() {
        return ticketHash;
    }

    public int hopIndex() {
        return hopIndex;
    }

    public long peer() {
        return peer;
    }

    public Bytes32 prevReceiptHash() {
        return prevReceiptHash;
    }

    public Bytes32 dataCommitment() {
        return dataCommitment;
    }

    public Bytes32 cidsHash() {
        return cidsHash;
    }

    /** The EIP-712 struct hash, also called receiptHash. */
    public Bytes32 hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HopReceipt r && hopIndex == r.hopIndex && peer == r.peer && ticketHash.equals(r.ticketHash)
                && prevReceiptHash.equals(r.prevReceiptHash) && dataCommitment.equals(r.dataCommitment)
                && cidsHash.equals(r.cidsHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketHash, hopIndex, peer, prevReceiptHash, dataCommitment, cidsHash);
    }

    @Override
    public String toString() {
        return "HopReceipt[ticketHash=" + ticketHash + ", hopIndex=" + hopIndex + ", peer=" + peer
                + ", prevReceiptHash=" + prevReceiptHash + ", dataCommitment=" + dataCommitment + ", cidsHash="
                + cidsHash + "]";
    }
}
