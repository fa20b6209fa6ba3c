package dev.aurum.proofs.golden;

import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.SignedTrace;
import java.util.List;

/**
 * Everything needed to check and pay golden hop k: the client-signed ticket, receipts 1..k+1 (the claim's
 * calldata content, {@link #claim()}), and the Ed25519-signed trace prefix of hops 1..k+1 (trace indexes
 * 0..k) that a verifier replays. Encoded with {@link ProofBundleCodec} (docs/formats.md).
 */
public record ProofBundle(ParticleTicket ticket, EcdsaSignature clientSignature, List<SignedReceipt> receipts,
                          SignedTrace trace) {
    public ProofBundle {
        if (ticket == null || clientSignature == null || trace == null) {
            throw new IllegalArgumentException("ticket, client signature and trace are required");
        }
        receipts = List.copyOf(receipts);
    }

    /** The claim the registry's {@code submitClaim} takes. */
    public GoldenClaim claim() {
        return new GoldenClaim(ticket, clientSignature, receipts);
    }

    public int goldenHop() {
        return receipts.size() - 1;
    }

    public ClaimId claimId() {
        return ClaimId.of(ticket.hash(), goldenHop());
    }
}
