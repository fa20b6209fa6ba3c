package dev.aurum.proofs.protocol;

import java.util.List;

/**
 * A golden claim for hop k: the signed ticket and receipts 1..k+1 (the last one is the next hop's receipt
 * that makes hop k golden).
 */
public record GoldenClaim(ParticleTicket ticket, EcdsaSignature clientSignature, List<SignedReceipt> receipts) {
    public GoldenClaim {
        if (ticket == null || clientSignature == null) {
            throw new IllegalArgumentException("ticket and client signature are required");
        }
        receipts = List.copyOf(receipts);
        if (receipts.size() < 2 || receipts.size() > ReceiptChain.MAX_HOPS) {
            throw new IllegalArgumentException(
                    "a claim needs 2.." + ReceiptChain.MAX_HOPS + " receipts, got " + receipts.size());
        }
    }

    public int goldenHop() {
        return receipts.size() - 1;
    }

    public ClaimId claimId() {
        return ClaimId.of(ticket.hash(), goldenHop());
    }
}
