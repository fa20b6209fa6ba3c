package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The golden hash of hop k (docs/protocol.md §4). It binds the chain, the contract, the epoch and its seed,
 * the ticket, hop k's receipt and hop k+1's receipt; none of these is a free nonce.
 */
public final class GoldenCondition {
    public static final Bytes32 TAG = Keccak.keccak256Utf8("AurumGolden/golden/v1");

    private GoldenCondition() {}

    public static BigInteger goldenHash(
            Eip712Domain domain, long epoch, Bytes32 epochSeed, Bytes32 ticketHash, Bytes32 receiptHash,
            Bytes32 nextReceiptHash) {
        Bytes32 hash = new AbiWords(8)
                .word(TAG)
                .uint(domain.chainId())
                .address(domain.verifyingContract())
                .uint(epoch)
                .word(epochSeed)
                .word(ticketHash)
                .word(receiptHash)
                .word(nextReceiptHash)
                .keccak();
        return Uint256.fromWord(hash);
    }

    public static boolean isGolden(
            Eip712Domain domain, long epoch, Bytes32 epochSeed, Target target, Bytes32 ticketHash,
            Bytes32 receiptHash, Bytes32 nextReceiptHash) {
        return target.isMetBy(goldenHash(domain, epoch, epochSeed, ticketHash, receiptHash, nextReceiptHash));
    }
}
