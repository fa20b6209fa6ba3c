package dev.aurum.verifier;

import dev.aurum.proofs.golden.HopCommitments;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * The one sequence of checks a proof bundle passes before its trace is replayed: the checks that need
 * only the bundle and the registry's EIP-712 domain run here, and those that need chain state are
 * {@link ChainChecks} called at their place. The committee ({@code BundleCheck}, with the chain) and the
 * Wasm module's bundle verdict ({@code BundleVerdict}, with {@link #NO_CHAIN}) both run this, so their
 * orders cannot drift. Portable: TeaVM compiles it into the verifier module.
 */
public final class OfflineBundleChecks {

    /** The checks that need chain state, at their place in the sequence; each returns null if it passes. */
    public interface ChainChecks {
        /** After the client signature: the ticket's epoch is seeded and names the epoch's target. */
        BundleProblem ticket(ParticleTicket ticket);

        /**
         * After the receipt chain, for each receipt before its own offline checks: {@code hop}'s peer is
         * the registered peer the receipt names, not slashed, and the receipt is signed by its receipt key.
         */
        BundleProblem receipt(int hopNumber, SignedReceipt receipt, Hop hop);

        /** After every receipt: the golden condition for the claimed hop. */
        BundleProblem golden(ProofBundle bundle);
    }

    /** For a verifier without chain access (the Wasm module): every chain check is left to the host. */
    public static final ChainChecks NO_CHAIN = new ChainChecks() {
        @Override
        public BundleProblem ticket(ParticleTicket ticket) {
            return null;
        }

        @Override
        public BundleProblem receipt(int hopNumber, SignedReceipt receipt, Hop hop) {
            return null;
        }

        @Override
        public BundleProblem golden(ProofBundle bundle) {
            return null;
        }
    };

    private OfflineBundleChecks() {
    }

    /** The first problem before the replay, in the committee's order; null if every check passes. */
    public static BundleProblem beforeReplay(ProofBundle bundle, Eip712Domain domain, ChainChecks chain) {
        ParticleTicket ticket = bundle.ticket();
        SignedTrace trace = bundle.trace();
        List<SignedReceipt> receipts = bundle.receipts();
        int k = bundle.goldenHop();
        if (k < 1) {
            return new BundleProblem("BadHopCount", 0, "a claim needs receipts 1..k+1 with k >= 1");
        }
        if (trace.hops().size() != k + 1) {
            return new BundleProblem("TraceLength", 0, "the trace must hold exactly hops 1.." + (k + 1)
                    + ", it holds " + trace.hops().size());
        }
        var p = trace.particle();
        if (!new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash()
                .equals(ticket.particleHash())) {
            return new BundleProblem("ParticleMismatch", 0, "the ticket's particleHash is not the trace's particle");
        }
        if (!bundle.clientSignature().isLowS() || !ticket.client().equals(
                Secp256k1.recover(domain.digest(ticket.hash()), bundle.clientSignature()))) {
            return new BundleProblem("BadClientSignature", 0, "the ticket is not signed by its client "
                    + ticket.client().toHex());
        }
        BundleProblem problem = chain.ticket(ticket);
        if (problem != null) {
            return problem;
        }
        List<HopReceipt> plain = new ArrayList<>(receipts.size());
        for (SignedReceipt r : receipts) {
            plain.add(r.receipt());
        }
        int broken = ReceiptChain.firstBrokenHop(ticket.hash(), plain);
        if (broken != 0) {
            return new BundleProblem("BrokenReceiptChain", broken,
                    "the receipt does not continue the chain from the ticket");
        }
        for (int i = 0; i < receipts.size(); i++) {
            problem = receipt(i + 1, receipts.get(i), trace, chain);
            if (problem != null) {
                return problem;
            }
        }
        return chain.golden(bundle);
    }

    /** The replay's verdict as a bundle problem (at the failing hop, 1-based); null if the trace is valid. */
    public static BundleProblem replay(VerificationReport report) {
        return report.valid() ? null : new BundleProblem("Replay", report.failingHop() + 1,
                report.failure().check() + ": " + report.failure().reason());
    }

    private static BundleProblem receipt(int hopNumber, SignedReceipt signed, SignedTrace trace, ChainChecks chain) {
        HopReceipt r = signed.receipt();
        Hop hop = trace.hops().get(hopNumber - 1);
        BundleProblem problem = chain.receipt(hopNumber, signed, hop);
        if (problem != null) {
            return problem;
        }
        if (!signed.signature().isLowS()) {
            return new BundleProblem("BadReceiptSignature", hopNumber, "the receipt signature is not in low-s form");
        }
        if (!r.dataCommitment().equals(HopCommitments.dataCommitment(trace, hop))) {
            return new BundleProblem("DataCommitment", hopNumber, "dataCommitment is not the hash of the hop's data");
        }
        if (!r.cidsHash().equals(HopCommitments.cidsHash(hop))) {
            return new BundleProblem("HopRecordCommitment", hopNumber,
                    "cidsHash does not commit to the signed hop record");
        }
        return null;
    }
}
