package dev.aurum.verifier.committee;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.proofs.golden.HopCommitments;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Everything a verifier checks before it approves a golden claim, in order; the first failure is the
 * reason for a rejection. Chain-side checks read the {@link ChainView}; the replay runs the trace prefix
 * on an AquaVM engine with the {@link TraceVerifier}.
 */
public final class BundleCheck {

    /** Why a bundle is refused: a check name, the 1-based hop it concerns (0 = the whole bundle) and detail. */
    public record Problem(String check, int hop, String detail) {
        @Override
        public String toString() {
            return check + (hop > 0 ? " at hop " + hop : "") + ": " + detail;
        }
    }


    private final TraceVerifier replay;

    public BundleCheck(TraceVerifier replay) {
        this.replay = replay;
    }

    public Optional<Problem> firstProblem(ProofBundle bundle, ChainView chain) {
        ParticleTicket ticket = bundle.ticket();
        SignedTrace trace = bundle.trace();
        List<SignedReceipt> receipts = bundle.receipts();
        int k = bundle.goldenHop();
        if (k < 1) {
            return problem("BadHopCount", 0, "a claim needs receipts 1..k+1 with k >= 1");
        }
        if (trace.hops().size() != k + 1) {
            return problem("TraceLength", 0, "the trace must hold exactly hops 1.." + (k + 1) + ", it holds "
                    + trace.hops().size());
        }
        var p = trace.particle();
        Bytes32 particleHash = new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash();
        if (!particleHash.equals(ticket.particleHash())) {
            return problem("ParticleMismatch", 0, "the ticket's particleHash is not the trace's particle");
        }
        Bytes32 ticketHash = ticket.hash();
        if (!lowS(bundle.clientSignature().s())
                || !ticket.client().equals(Secp256k1.recover(chain.domain().digest(ticketHash), bundle.clientSignature()))) {
            return problem("BadClientSignature", 0, "the ticket is not signed by its client " + ticket.client());
        }
        Optional<Bytes32> seed = chain.epochSeed(ticket.epoch());
        if (seed.isEmpty()) {
            return problem("EpochNotSeeded", 0, "epoch " + ticket.epoch() + " has no seed on chain");
        }
        if (!chain.target(ticket.epoch()).equals(ticket.target())) {
            return problem("WrongTarget", 0, "the ticket's target is not epoch " + ticket.epoch() + "'s target");
        }
        int broken = ReceiptChain.firstBrokenHop(ticketHash, receipts.stream().map(SignedReceipt::receipt).toList());
        if (broken != 0) {
            return problem("BrokenReceiptChain", broken, "the receipt does not continue the chain from the ticket");
        }
        for (int i = 0; i < receipts.size(); i++) {
            Optional<Problem> p1 = checkReceipt(i + 1, receipts.get(i), trace, chain);
            if (p1.isPresent()) {
                return p1;
            }
        }
        if (!GoldenCondition.isGolden(chain.domain(), ticket.epoch(), seed.get(), ticket.target(), ticketHash,
                receipts.get(k - 1).receipt().hash(), receipts.get(k).receipt().hash())) {
            return problem("NotGolden", k, "the golden hash is not below the target");
        }
        // a bundle carries the trace up to the golden hop, so deliveries after it are expected to be missing
        VerificationReport report = replay.verifyPrefix(trace, null);
        if (!report.valid()) {
            return problem("Replay", report.failingHop() + 1, report.failure().check() + ": " + report.failure().reason());
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkReceipt(int hopNumber, SignedReceipt signed, SignedTrace trace, ChainView chain) {
        HopReceipt r = signed.receipt();
        Hop hop = trace.hops().get(hopNumber - 1);
        PeerId peerId;
        try {
            peerId = PeerId.parse(hop.peer());
        } catch (DecodeException e) {
            return problem("UnknownPeer", hopNumber, "the trace's peer is not an Ed25519 PeerId: " + e.getMessage());
        }
        Optional<Long> index = chain.peerIndexOf(peerId.publicKey());
        if (index.isEmpty() || index.get() != r.peer()) {
            return problem("WrongPeer", hopNumber, "receipt names peer " + r.peer() + " but " + peerId + " is "
                    + index.map(i -> "peer " + i).orElse("not registered"));
        }
        Optional<ChainView.RegisteredPeer> registered = chain.peer(r.peer());
        if (registered.isEmpty()) {
            return problem("UnknownPeer", hopNumber, "peer " + r.peer() + " is not registered");
        }
        if (registered.get().slashed()) {
            return problem("PeerSlashed", hopNumber, "peer " + r.peer() + " was slashed");
        }
        EvmAddress signer = lowS(signed.signature().s())
                ? Secp256k1.recover(chain.domain().digest(r.hash()), signed.signature()) : null;
        if (!registered.get().receiptKey().equals(signer)) {
            return problem("BadReceiptSignature", hopNumber, "not signed by the peer's receipt key");
        }
        if (!r.dataCommitment().equals(HopCommitments.dataCommitment(trace, hop))) {
            return problem("DataCommitment", hopNumber, "dataCommitment is not the hash of the hop's data");
        }
        if (!r.cidsHash().equals(HopCommitments.cidsHash(hop))) {
            return problem("HopRecordCommitment", hopNumber, "cidsHash does not commit to the signed hop record");
        }
        return Optional.empty();
    }

    private static boolean lowS(BigInteger s) {
        return s.signum() > 0 && s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    private static Optional<Problem> problem(String check, int hop, String detail) {
        return Optional.of(new Problem(check, hop, detail));
    }
}
