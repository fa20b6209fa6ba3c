package dev.aurum.proofs.protocol;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The receipt chain rules: hop indexes run 1, 2, …; {@code prevReceiptHash} of hop 1 is the ticket hash and
 * of hop k the receipt hash of hop k−1; every receipt names the same ticket.
 */
public final class ReceiptChain {
    /** Most receipts a claim may carry (hops 1..k plus the next hop's receipt). */
    public static final int MAX_HOPS = 64;

    private ReceiptChain() {}

    /** What one hop contributes; the chain fields are filled in by {@link #link}. */
    public record HopData(long peer, Bytes32 dataCommitment, Bytes32 cidsHash) {}

    /** Builds correctly linked receipts for a ticket. */
    public static List<HopReceipt> link(Bytes32 ticketHash, List<HopData> hops) {
        if (hops.isEmpty() || hops.size() > MAX_HOPS) {
            throw new IllegalArgumentException("hop count must be in [1, " + MAX_HOPS + "]: " + hops.size());
        }
        List<HopReceipt> out = new ArrayList<>(hops.size());
        Bytes32 prev = ticketHash;
        for (int i = 0; i < hops.size(); i++) {
            HopData hop = hops.get(i);
            HopReceipt receipt = new HopReceipt(ticketHash, i + 1, hop.peer(), prev, hop.dataCommitment(), hop.cidsHash());
            out.add(receipt);
            prev = receipt.hash();
        }
        return List.copyOf(out);
    }

    /**
     * Returns the 1-based index of the first receipt that breaks the chain rules, or 0 when the chain is
     * well formed.
     */
    public static int firstBrokenHop(Bytes32 ticketHash, List<HopReceipt> receipts) {
        Bytes32 prev = ticketHash;
        for (int i = 0; i < receipts.size(); i++) {
            HopReceipt r = receipts.get(i);
            if (r.hopIndex() != i + 1 || !r.ticketHash().equals(ticketHash) || !r.prevReceiptHash().equals(prev)) {
                return i + 1;
            }
            prev = r.hash();
        }
        return 0;
    }
}
