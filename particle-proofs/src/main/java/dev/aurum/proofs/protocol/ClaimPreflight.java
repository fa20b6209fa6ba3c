package dev.aurum.proofs.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Checks a claim offline the way the registry will (docs/protocol.md §5, signatures, chain, golden
 * condition), so a miner does not spend gas on a claim that must fail. Chain state (registration, slashing,
 * nullifiers, escrow, epoch window) is not visible here.
 */
public final class ClaimPreflight {
    private ClaimPreflight() {}

    /** Why a claim would be rejected, named like the contract's custom errors. */
    public record Problem(String error, int hop, String detail) {}

    /**
     * @param receiptKeys the registered receipt-key address of each peer index the claim names
     * @return the first problem, or empty if the claim passes every check this side of the chain
     */
    public static Optional<Problem> firstProblem(
            GoldenClaim claim, Eip712Domain domain, Bytes32 epochSeed, Map<Long, EvmAddress> receiptKeys) {
        ParticleTicket ticket = claim.ticket();
        Bytes32 ticketHash = ticket.hash();
        EvmAddress client = Secp256k1.recover(domain.digest(ticketHash), claim.clientSignature());
        if (!ticket.client().equals(client)) {
            return Optional.of(new Problem("BadClientSignature", 0, "ticket signed by " + client));
        }
        List<SignedReceipt> receipts = claim.receipts();
        Bytes32 prev = ticketHash;
        for (int i = 0; i < receipts.size(); i++) {
            HopReceipt r = receipts.get(i).receipt();
            int hop = i + 1;
            if (r.hopIndex() != hop || !r.ticketHash().equals(ticketHash) || !r.prevReceiptHash().equals(prev)) {
                return Optional.of(new Problem("BrokenReceiptChain", hop, "receipt does not continue the chain"));
            }
            EvmAddress expected = receiptKeys.get(r.peer());
            if (expected == null) {
                return Optional.of(new Problem("UnknownPeer", hop, "peer " + r.peer() + " has no receipt key"));
            }
            EvmAddress signer = Secp256k1.recover(domain.digest(r.hash()), receipts.get(i).signature());
            if (!expected.equals(signer)) {
                return Optional.of(new Problem("BadReceiptSignature", hop, "signed by " + signer));
            }
            prev = r.hash();
        }
        int k = claim.goldenHop();
        if (!GoldenCondition.isGolden(domain, ticket.epoch(), epochSeed, ticket.target(), ticketHash,
                receipts.get(k - 1).receipt().hash(), receipts.get(k).receipt().hash())) {
            return Optional.of(new Problem("NotGolden", k, "golden hash not below the target"));
        }
        return Optional.empty();
    }
}
