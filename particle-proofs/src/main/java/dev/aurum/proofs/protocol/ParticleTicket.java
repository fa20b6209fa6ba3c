package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/** The client-signed ticket for one particle (docs/protocol.md §3). */
public record ParticleTicket(
        Bytes32 particleHash, EvmAddress client, BigInteger faceValue, long epoch, Target target, long nonce) {
    public static final String TYPE =
            "ParticleTicket(bytes32 particleHash,address client,uint256 faceValue,uint64 epoch,uint256 target,uint64 nonce)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    public ParticleTicket {
        Uint256.requireRange("faceValue", faceValue, 256);
        if (epoch < 0 || nonce < 0) {
            throw new IllegalArgumentException("epoch and nonce must be non-negative");
        }
        if (particleHash == null || client == null || target == null) {
            throw new IllegalArgumentException("particleHash, client and target are required");
        }
    }

    /** The EIP-712 struct hash, also called ticketHash. */
    public Bytes32 hash() {
        return new AbiWords(7)
                .word(TYPE_HASH)
                .word(particleHash)
                .address(client)
                .uint(faceValue)
                .uint(epoch)
                .uint(target.value())
                .uint(nonce)
                .keccak();
    }
}
