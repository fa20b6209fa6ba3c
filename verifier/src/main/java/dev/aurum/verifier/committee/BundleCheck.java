package dev.aurum.verifier.committee;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.verifier.BundleProblem;
import dev.aurum.verifier.OfflineBundleChecks;
import dev.aurum.verifier.TraceVerifier;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Everything a verifier checks before it approves a golden claim, in order; the first failure is the
 * reason for a rejection. The sequence is {@link OfflineBundleChecks}'s, with the checks that read the
 * {@link ChainView} at their place; then the replay runs the trace prefix on an AquaVM engine with the
 * {@link TraceVerifier}.
 */
public final class BundleCheck {

    private final TraceVerifier replay;

    public BundleCheck(TraceVerifier replay) {
        this.replay = replay;
    }

    public Optional<BundleProblem> firstProblem(ProofBundle bundle, ChainView chain) {
        BundleProblem problem = OfflineBundleChecks.beforeReplay(bundle, chain.domain(), new OnChain(chain));
        if (problem == null) {
            // a bundle carries the trace up to the golden hop, so deliveries after it are expected to be missing
            problem = OfflineBundleChecks.replay(replay.verifyPrefix(bundle.trace(), null));
        }
        return Optional.ofNullable(problem);
    }

    /** The chain-side checks of one review (it keeps the epoch seed the ticket check read for the golden test). */
    private static final class OnChain implements OfflineBundleChecks.ChainChecks {
        private final ChainView chain;
        private Bytes32 seed;

        OnChain(ChainView chain) {
            this.chain = chain;
        }

        @Override
        public BundleProblem ticket(ParticleTicket ticket) {
            Optional<Bytes32> epochSeed = chain.epochSeed(ticket.epoch());
            if (epochSeed.isEmpty()) {
                return new BundleProblem("EpochNotSeeded", 0, "epoch " + ticket.epoch() + " has no seed on chain");
            }
            seed = epochSeed.get();
            if (!chain.target(ticket.epoch()).equals(ticket.target())) {
                return new BundleProblem("WrongTarget", 0, "the ticket's target is not epoch " + ticket.epoch()
                        + "'s target");
            }
            return null;
        }

        @Override
        public BundleProblem receipt(int hopNumber, SignedReceipt signed, Hop hop) {
            HopReceipt r = signed.receipt();
            PeerId peerId;
            try {
                peerId = PeerId.parse(hop.peer());
            } catch (DecodeException e) {
                return new BundleProblem("UnknownPeer", hopNumber, "the trace's peer is not an Ed25519 PeerId: "
                        + e.getMessage());
            }
            Optional<Long> index = chain.peerIndexOf(peerId.publicKey());
            if (index.isEmpty() || index.get() != r.peer()) {
                return new BundleProblem("WrongPeer", hopNumber, "receipt names peer " + r.peer() + " but " + peerId
                        + " is " + index.map(i -> "peer " + i).orElse("not registered"));
            }
            Optional<ChainView.RegisteredPeer> registered = chain.peer(r.peer());
            if (registered.isEmpty()) {
                return new BundleProblem("UnknownPeer", hopNumber, "peer " + r.peer() + " is not registered");
            }
            if (registered.get().slashed()) {
                return new BundleProblem("PeerSlashed", hopNumber, "peer " + r.peer() + " was slashed");
            }
            // the signature's form (low s) is an offline check, next in the sequence
            if (!registered.get().receiptKey().equals(Secp256k1.recover(chain.domain().digest(r.hash()),
                    signed.signature()))) {
                return new BundleProblem("BadReceiptSignature", hopNumber, "not signed by the peer's receipt key");
            }
            return null;
        }

        @Override
        public BundleProblem golden(ProofBundle bundle) {
            ParticleTicket ticket = bundle.ticket();
            int k = bundle.goldenHop();
            if (!GoldenCondition.isGolden(chain.domain(), ticket.epoch(), seed, ticket.target(), ticket.hash(),
                    bundle.receipts().get(k - 1).receipt().hash(), bundle.receipts().get(k).receipt().hash())) {
                return new BundleProblem("NotGolden", k, "the golden hash is not below the target");
            }
            return null;
        }
    }
}
