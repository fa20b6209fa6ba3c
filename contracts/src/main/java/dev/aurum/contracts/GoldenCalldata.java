package dev.aurum.contracts;

import dev.aurum.contracts.generated.GoldenRegistry;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.Verdict;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/**
 * The ABI-encoded calldata of the registry's claim, attest and finalize calls, exactly as
 * {@link GoldenClient} sends them (same wire conversion, web3j {@link FunctionEncoder}). Lets the calls be
 * built offline (relayers, vectors) and is what the shared calldata vectors are generated from.
 */
public final class GoldenCalldata {

    private GoldenCalldata() {
    }

    /** {@code submitClaim(Claim)}. */
    public static Bytes submitClaim(GoldenClaim claim) {
        return encode(GoldenRegistry.FUNC_SUBMITCLAIM, List.of(GoldenClient.toWire(claim)));
    }

    /** {@code submitClaims(Claim[])}: the batch that skips invalid claims. */
    public static Bytes submitClaims(List<GoldenClaim> claims) {
        List<GoldenRegistry.Claim> wire = new ArrayList<>();
        for (GoldenClaim c : claims) {
            wire.add(GoldenClient.toWire(c));
        }
        return encode(GoldenRegistry.FUNC_SUBMITCLAIMS, List.of(new DynamicArray<>(GoldenRegistry.Claim.class, wire)));
    }

    /** {@code attest(claimId, moduleHash, valid, r, vs)}: one verifier's signed verdict. */
    public static Bytes attest(Verdict verdict, EcdsaSignature signature) {
        return encode(GoldenRegistry.FUNC_ATTEST, List.of(word(verdict.claimId()), word(verdict.moduleHash()),
                new Bool(verdict.valid()), word(signature.rWord()), word(signature.vs())));
    }

    /** {@code finalize(claimId, Payout)}. */
    public static Bytes finalizeClaim(ClaimId claimId, ClaimPayout payout) {
        return encode(GoldenRegistry.FUNC_FINALIZE, List.of(word(claimId.value()), GoldenClient.toWire(payout)));
    }

    /**
     * The payout commitment the registry stores at submission and checks at finalisation:
     * {@code keccak256(abi.encode(client, faceValue, epoch, submitter, refund, peers))}.
     */
    public static Bytes32 payoutCommitment(ClaimPayout p) {
        List<Uint32> peers = new ArrayList<>();
        for (PeerIndex peer : p.peers()) {
            peers.add(new Uint32(peer.value()));
        }
        // encodeConstructor is web3j's abi.encode of a parameter list (no selector)
        String encoded = FunctionEncoder.encodeConstructor(List.of(new Address(p.client().toHex()),
                new Uint256(p.faceValue()), new Uint64(BigInteger.valueOf(p.epoch())),
                new Address(p.submitter().toHex()), new Uint256(p.refund()), new DynamicArray<>(Uint32.class, peers)));
        return Keccak.keccak256(Numeric.hexStringToByteArray(encoded));
    }

    private static org.web3j.abi.datatypes.generated.Bytes32 word(Bytes32 value) {
        return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
    }

    @SuppressWarnings("rawtypes")
    private static Bytes encode(String name, List<? extends Type> args) {
        return Bytes.fromHexString(FunctionEncoder.encode(new Function(name, new ArrayList<Type>(args), List.of())));
    }
}
