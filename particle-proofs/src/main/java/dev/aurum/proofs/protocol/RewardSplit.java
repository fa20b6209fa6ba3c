package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a golden claim's face value is paid (docs/protocol.md §5): a capped gas refund to the submitter, the
 * rest in equal shares to hops 1..k, the integer remainder to the golden hop k.
 */
public final class RewardSplit {
    public static final long REFUND_BASE_GAS = 60_000;
    public static final long REFUND_PER_RECEIPT_GAS = 15_000;

    private RewardSplit() {}

    /** The payout of one claim: the submitter's refund and one amount per hop 1..k. */
    public record Payout(BigInteger refund, List<BigInteger> hopShares) {
        public BigInteger total() {
            BigInteger sum = refund;
            for (BigInteger share : hopShares) {
                sum = sum.add(share);
            }
            return sum;
        }
    }

    /** {@code min(gasPrice · (BASE + PER_RECEIPT · (k+1)), maxRefund, faceValue / 2)}. */
    public static BigInteger refund(BigInteger gasPrice, int goldenHop, BigInteger maxRefund, BigInteger faceValue) {
        BigInteger gas = BigInteger.valueOf(REFUND_BASE_GAS + REFUND_PER_RECEIPT_GAS * (goldenHop + 1L));
        return gasPrice.multiply(gas).min(maxRefund).min(faceValue.shiftRight(1));
    }

    public static Payout split(BigInteger faceValue, BigInteger refund, int goldenHop) {
        if (goldenHop < 1 || goldenHop >= ReceiptChain.MAX_HOPS) {
            throw new IllegalArgumentException("golden hop out of range: " + goldenHop);
        }
        if (refund.signum() < 0 || refund.compareTo(faceValue) > 0) {
            throw new IllegalArgumentException("refund must be in [0, faceValue]");
        }
        BigInteger pool = faceValue.subtract(refund);
        BigInteger k = BigInteger.valueOf(goldenHop);
        BigInteger share = pool.divide(k);
        BigInteger remainder = pool.subtract(share.multiply(k));
        List<BigInteger> shares = new ArrayList<>(goldenHop);
        for (int hop = 1; hop <= goldenHop; hop++) {
            shares.add(hop == goldenHop ? share.add(remainder) : share);
        }
        return new Payout(refund, List.copyOf(shares));
    }
}
