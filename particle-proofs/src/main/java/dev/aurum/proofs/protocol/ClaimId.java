package dev.aurum.proofs.protocol;

import org.apache.tuweni.bytes.Bytes32;

/** Identifies a golden claim, and is its nullifier: {@code keccak256(abi.encode(ticketHash, uint32 hop))}. */
public record ClaimId(Bytes32 value) {
    public static ClaimId of(Bytes32 ticketHash, int goldenHop) {
        return new ClaimId(new AbiWords(2).word(ticketHash).uint(goldenHop).keccak());
    }
}
