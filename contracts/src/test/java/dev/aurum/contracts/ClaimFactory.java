package dev.aurum.contracts;

import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/** Builds deterministic, correctly signed claims for tests: "mines" ticket nonces until the wanted outcome. */
final class ClaimFactory {
    private final Eip712Domain domain;
    private final ReceiptKey client;
    private final Map<Long, ReceiptKey> receiptKeys;

    ClaimFactory(Eip712Domain domain, ReceiptKey client, Map<Long, ReceiptKey> receiptKeys) {
        this.domain = domain;
        this.client = client;
        this.receiptKeys = receiptKeys;
    }

    /** A particle over {@code peers} (hops 1..k plus the next hop) whose hop k is golden iff {@code golden}. */
    GoldenClaim mine(String label, List<Long> peers, BigInteger faceValue, long epoch, Bytes32 seed, Target target,
                     boolean golden) {
        for (long nonce = 0; nonce < 10_000; nonce++) {
            ParticleTicket ticket = ticket(label, faceValue, epoch, target, nonce);
            List<HopReceipt> receipts = ReceiptChain.link(ticket.hash(), hopData(label, peers));
            int k = receipts.size() - 1;
            boolean isGolden = GoldenCondition.isGolden(domain, epoch, seed, target, ticket.hash(),
                    receipts.get(k - 1).hash(), receipts.get(k).hash());
            if (isGolden == golden) {
                return sign(ticket, receipts);
            }
        }
        throw new IllegalStateException("no " + (golden ? "golden" : "plain") + " particle in 10000 nonces");
    }

    ParticleTicket ticket(String label, BigInteger faceValue, long epoch, Target target, long nonce) {
        ParticleHeader header = new ParticleHeader("particle/" + label, 1_700_000_000_000L, 60_000, "(null)");
        return new ParticleTicket(header.particleHash(), client.address(), faceValue, epoch, target, nonce);
    }

    static List<ReceiptChain.HopData> hopData(String label, List<Long> peers) {
        List<ReceiptChain.HopData> hops = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            hops.add(new ReceiptChain.HopData(peers.get(i), Keccak.keccak256Utf8("data/" + label + "/" + i),
                    Keccak.keccak256Utf8("cids/" + label + "/" + i)));
        }
        return hops;
    }

    GoldenClaim sign(ParticleTicket ticket, List<HopReceipt> receipts) {
        return sign(ticket, receipts, client);
    }

    GoldenClaim sign(ParticleTicket ticket, List<HopReceipt> receipts, ReceiptKey ticketSigner) {
        EcdsaSignature clientSig = ticketSigner.sign(domain.digest(ticket.hash()));
        List<SignedReceipt> signed = new ArrayList<>();
        for (HopReceipt r : receipts) {
            ReceiptKey key = receiptKeys.get(r.peer());
            signed.add(SignedReceipt.sign(domain, r, key == null ? ReceiptKey.deriveForTesting("nobody") : key));
        }
        return new GoldenClaim(ticket, clientSig, signed);
    }

    /** Replaces receipt {@code hop} (1-based) and re-signs it, keeping the others as they are. */
    static GoldenClaim withReceipt(GoldenClaim claim, int hop, SignedReceipt replacement) {
        List<SignedReceipt> receipts = new ArrayList<>(claim.receipts());
        receipts.set(hop - 1, replacement);
        return new GoldenClaim(claim.ticket(), claim.clientSignature(), receipts);
    }
}
