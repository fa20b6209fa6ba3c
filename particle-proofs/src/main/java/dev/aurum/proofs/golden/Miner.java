package dev.aurum.proofs.golden;

import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.BlobStore;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The golden-particle miner. Hop k can be evaluated once receipts k and k+1 exist; its golden hash is
 * computed exactly as the registry does ({@link GoldenCondition}), and a golden hop becomes a
 * {@link ProofBundle}. Pure and deterministic: the same trace, ticket and keys give the same bundles.
 */
public final class Miner {

    /** Signs one receipt as the peer that executed the hop (each peer holds only its own receipt key). */
    public interface ReceiptSigner {
        SignedReceipt sign(String peerId, HopReceipt receipt);
    }

    private final MiningContext context;

    public Miner(MiningContext context) {
        this.context = context;
    }

    public MiningContext context() {
        return context;
    }

    /**
     * Receipts for hops 1..min(hops, {@value ReceiptChain#MAX_HOPS}) of a trace, in trace order, chained from
     * the ticket; {@code peerIndexes} maps a hop's PeerId to its registry index.
     *
     * @throws IllegalArgumentException if a hop's peer is not registered
     */
    public static List<SignedReceipt> receipts(Bytes32 ticketHash, SignedTrace trace, Map<String, Long> peerIndexes,
                                               ReceiptSigner signer) {
        int n = Math.min(trace.hops().size(), ReceiptChain.MAX_HOPS);
        List<SignedReceipt> out = new ArrayList<>(n);
        Bytes32 prev = ticketHash;
        for (int i = 0; i < n; i++) {
            Hop hop = trace.hops().get(i);
            Long peer = peerIndexes.get(hop.peer());
            if (peer == null) {
                throw new IllegalArgumentException("hop " + (i + 1) + ": peer " + hop.peer() + " is not registered");
            }
            HopReceipt receipt = new HopReceipt(ticketHash, i + 1, peer, prev,
                    HopCommitments.dataCommitment(trace, hop), HopCommitments.cidsHash(hop));
            out.add(signer.sign(hop.peer(), receipt));
            prev = receipt.hash();
        }
        return List.copyOf(out);
    }

    /** Whether hop {@code k} (1-based) is golden given receipts k and k+1. */
    public boolean isGolden(Bytes32 ticketHash, List<SignedReceipt> receipts, int k) {
        if (k < 1 || k >= receipts.size()) {
            throw new IllegalArgumentException("hop " + k + " needs receipts " + k + " and " + (k + 1));
        }
        return GoldenCondition.isGolden(context.domain(), context.epoch(), context.epochSeed(), context.target(),
                ticketHash, receipts.get(k - 1).receipt().hash(), receipts.get(k).receipt().hash());
    }

    /** Every golden hop k (1-based, ascending) the receipts let us evaluate. */
    public List<Integer> goldenHops(Bytes32 ticketHash, List<SignedReceipt> receipts) {
        // Each receipt hash serves two golden tests (as hop k and as hop k+1): hash every receipt once.
        List<Bytes32> hashes = new ArrayList<>(receipts.size());
        for (SignedReceipt r : receipts) {
            hashes.add(r.receipt().hash());
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k < receipts.size(); k++) {
            if (GoldenCondition.isGolden(context.domain(), context.epoch(), context.epochSeed(), context.target(),
                    ticketHash, hashes.get(k - 1), hashes.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Bundles every golden hop of a particle whose ticket is in the mining context's epoch. */
    public List<ProofBundle> mine(ParticleTicket ticket, EcdsaSignature clientSignature, SignedTrace trace,
                                  List<SignedReceipt> receipts) {
        if (ticket.epoch() != context.epoch() || !ticket.target().equals(context.target())) {
            throw new IllegalArgumentException("the ticket names epoch " + ticket.epoch()
                    + " or a target other than the mining context's");
        }
        Bytes32 ticketHash = ticket.hash();
        List<ProofBundle> out = new ArrayList<>();
        for (int k : goldenHops(ticketHash, receipts)) {
            out.add(bundle(ticket, clientSignature, trace, receipts, k));
        }
        return out;
    }

    /**
     * What a mining network does for one particle it ran: the client signs the ticket for it (in this
     * context's epoch and target), every hop's peer signs its receipt, and every golden hop becomes a bundle.
     */
    public List<ProofBundle> mineParticle(SignedTrace trace, ReceiptKey client, BigInteger faceValue, long nonce,
                                          Map<String, Long> peerIndexes, ReceiptSigner signer) {
        ParticleTicket ticket = ticket(trace, client.address(), faceValue, nonce);
        EcdsaSignature clientSignature = client.sign(context.domain().digest(ticket.hash()));
        return mine(ticket, clientSignature, trace, receipts(ticket.hash(), trace, peerIndexes, signer));
    }

    /** The ticket for a particle in this context's epoch and at its target. */
    public ParticleTicket ticket(SignedTrace trace, EvmAddress client, BigInteger faceValue, long nonce) {
        var p = trace.particle();
        return new ParticleTicket(new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash(), client,
                faceValue, context.epoch(), context.target(), nonce);
    }

    /** The bundle of hop k: receipts 1..k+1 and the trace prefix of hops 1..k+1 with only the blobs they use. */
    public static ProofBundle bundle(ParticleTicket ticket, EcdsaSignature clientSignature, SignedTrace trace,
                                     List<SignedReceipt> receipts, int k) {
        if (k < 1 || k + 1 > receipts.size() || k + 1 > trace.hops().size()) {
            throw new IllegalArgumentException("hop " + k + " needs " + (k + 1) + " receipts and trace hops");
        }
        return new ProofBundle(ticket, clientSignature, receipts.subList(0, k + 1), prefix(trace, k + 1));
    }

    /** The first {@code hops} hops of a trace; the hop chain links make a prefix verify on its own. */
    public static SignedTrace prefix(SignedTrace trace, int hops) {
        List<Hop> kept = trace.hops().subList(0, hops);
        BlobStore.Builder blobs = BlobStore.builder();
        for (Hop h : kept) {
            copy(blobs, trace, h.incoming());
            copy(blobs, trace, h.prev());
            for (InvokeRound r : h.rounds()) {
                copy(blobs, trace, r.callResults());
                copy(blobs, trace, r.data());
                copy(blobs, trace, r.callRequests());
            }
        }
        return new SignedTrace(trace.particle(), kept, blobs.build());
    }

    private static void copy(BlobStore.Builder blobs, SignedTrace trace, ContentHash hash) {
        blobs.copy(trace.blobs(), hash);
    }
}
