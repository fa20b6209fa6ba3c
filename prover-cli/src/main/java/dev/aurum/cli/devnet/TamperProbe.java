package dev.aurum.cli.devnet;

import dev.aurum.contracts.BatchResult;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.verifier.committee.ChainView;
import dev.aurum.verifier.committee.CommitteeMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The devnet's self-test of the defences: variants of one honest golden bundle, each with one field changed,
 * must be refused by a committee member and, as claims, skipped by the registry with a named error.
 */
final class TamperProbe {

    /** How many variants were tried and how many each side refused, with the registry's error names. */
    record Outcome(int tried, int refusedByCommittee, int refusedByContract, List<String> contractErrors) {}

    private TamperProbe() {
    }

    static Map<String, ProofBundle> variants(ProofBundle honest, ReceiptKey outsider) {
        ParticleTicket t = honest.ticket();
        Map<String, ProofBundle> out = new LinkedHashMap<>();
        out.put("ticket.faceValue", withTicket(honest, new ParticleTicket(t.particleHash(), t.client(),
                t.faceValue().shiftLeft(1), t.epoch(), t.target(), t.nonce())));
        out.put("ticket.target", withTicket(honest, new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch(), new Target(t.target().value().shiftRight(1)), t.nonce())));
        out.put("clientSig", new ProofBundle(t, outsider.sign(Keccak.keccak256Utf8("not the ticket")),
                honest.receipts(), honest.trace()));
        List<SignedReceipt> data = new ArrayList<>(honest.receipts());
        HopReceipt r0 = data.get(0).receipt();
        data.set(0, new SignedReceipt(new HopReceipt(r0.ticketHash(), r0.hopIndex(), r0.peer(), r0.prevReceiptHash(),
                Keccak.keccak256Utf8("other data"), r0.cidsHash()), data.get(0).signature()));
        out.put("receipt[1].dataCommitment", new ProofBundle(t, honest.clientSignature(), data, honest.trace()));
        List<SignedReceipt> sig = new ArrayList<>(honest.receipts());
        SignedReceipt last = sig.get(sig.size() - 1);
        EcdsaSignature forged = outsider.sign(Keccak.keccak256Utf8("forged"));
        sig.set(sig.size() - 1, new SignedReceipt(last.receipt(), forged));
        out.put("receipt[k+1].signature", new ProofBundle(t, honest.clientSignature(), sig, honest.trace()));
        return out;
    }

    static Outcome run(ProofBundle honest, ReceiptKey outsider, CommitteeMember member, ChainView chain,
                       GoldenClient submitter) {
        Map<String, ProofBundle> variants = variants(honest, outsider);
        int committee = 0;
        List<dev.aurum.proofs.protocol.GoldenClaim> claims = new ArrayList<>();
        for (ProofBundle b : variants.values()) {
            if (!member.review(b, chain).approved()) {
                committee++;
            }
            claims.add(b.claim());
        }
        int contract = 0;
        List<String> errors = new ArrayList<>();
        for (BatchResult r : submitter.submitClaims(claims).results()) {
            if (r instanceof BatchResult.Skipped s) {
                contract++;
                errors.add(s.reason().getClass().getSimpleName());
            }
        }
        return new Outcome(variants.size(), committee, contract, errors);
    }

    private static ProofBundle withTicket(ProofBundle b, ParticleTicket t) {
        return new ProofBundle(t, b.clientSignature(), b.receipts(), b.trace());
    }
}
