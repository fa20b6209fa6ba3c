package dev.aurum.proofs.protocol;

import org.apache.tuweni.bytes.Bytes32;

/** A peer's receipt for one hop, signed with its receipt key (docs/protocol.md §3). */
public record HopReceipt(
        Bytes32 ticketHash, int hopIndex, long peer, Bytes32 prevReceiptHash, Bytes32 dataCommitment, Bytes32 cidsHash) {
    public static final String TYPE =
            "HopReceipt(bytes32 ticketHash,uint32 hopIndex,uint32 peer,bytes32 prevReceiptHash,bytes32 dataCommitment,bytes32 cidsHash)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    public HopReceipt {
        if (hopIndex < 1 || hopIndex > ReceiptChain.MAX_HOPS) {
            throw new IllegalArgumentException("hopIndex must be in [1, " + ReceiptChain.MAX_HOPS + "]: " + hopIndex);
        }
        if (peer < 1 || peer > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("peer index must be a non-zero uint32: " + peer);
        }
        if (ticketHash == null || prevReceiptHash == null || dataCommitment == null || cidsHash == null) {
            throw new IllegalArgumentException("all hashes are required");
        }
    }

    /** The EIP-712 struct hash, also called receiptHash. */
    public Bytes32 hash() {
        return new AbiWords(7)
                .word(TYPE_HASH)
                .word(ticketHash)
                .uint(hopIndex)
                .uint(peer)
                .word(prevReceiptHash)
                .word(dataCommitment)
                .word(cidsHash)
                .keccak();
    }
}
