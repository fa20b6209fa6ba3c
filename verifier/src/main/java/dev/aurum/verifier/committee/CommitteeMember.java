package dev.aurum.verifier.committee;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Verdict;
import dev.aurum.verifier.BundleProblem;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One verifier of the committee: reviews a proof bundle ({@link BundleCheck}) and signs the EIP-712
 * {@link Verdict} for the registry's domain with its verifier key. A bundle that does not even decode names
 * no claim, so it gets no verdict, only the decode error.
 */
public final class CommitteeMember {

    /** A review: the signed verdict (absent when the bundle did not decode) and why it was refused, if it was. */
    public record Review(Optional<Verdict> verdict, Optional<EcdsaSignature> signature, Optional<String> refusal) {
        public boolean approved() {
            return verdict.isPresent() && verdict.get().valid();
        }

        public Optional<ClaimId> claimId() {
            return verdict.map(v -> new ClaimId(v.claimId()));
        }
    }

    private final ReceiptKey key;
    private final Bytes32 moduleHash;
    private final BundleCheck check;

    /**
     * @param key        the verifier's secp256k1 key (registered in the verifier set)
     * @param moduleHash the verifier build the registry pins ({@code moduleHash}); signed into every verdict
     */
    public CommitteeMember(ReceiptKey key, Bytes32 moduleHash, BundleCheck check) {
        this.key = key;
        this.moduleHash = moduleHash;
        this.check = check;
    }

    public EvmAddress address() {
        return key.address();
    }

    public Review review(byte[] encodedBundle, ChainView chain) {
        ProofBundle bundle;
        try {
            bundle = ProofBundleCodec.decode(encodedBundle);
        } catch (DecodeException e) {
            return new Review(Optional.empty(), Optional.empty(), Optional.of("undecodable bundle: " + e.getMessage()));
        }
        return review(bundle, chain);
    }

    public Review review(ProofBundle bundle, ChainView chain) {
        Optional<BundleProblem> problem = check.firstProblem(bundle, chain);
        Verdict verdict = new Verdict(bundle.claimId().value(), moduleHash, problem.isEmpty());
        EcdsaSignature sig = key.sign(chain.domain().digest(verdict.hash()));
        return new Review(Optional.of(verdict), Optional.of(sig), problem.map(BundleProblem::toString));
    }
}
