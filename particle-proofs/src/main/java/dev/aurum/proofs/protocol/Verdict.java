package dev.aurum.proofs.protocol;

import org.apache.tuweni.bytes.Bytes32;

/** A verifier's attestation that replaying a claim's hops with module {@code moduleHash} gave {@code valid}. */
public record Verdict(Bytes32 claimId, Bytes32 moduleHash, boolean valid) {
    public static final String TYPE = "Verdict(bytes32 claimId,bytes32 moduleHash,bool valid)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    public Bytes32 hash() {
        return new AbiWords(4).word(TYPE_HASH).word(claimId).word(moduleHash).bool(valid).keccak();
    }
}
