package dev.aurum.contracts;

import dev.aurum.proofs.protocol.Target;
import java.math.BigInteger;

/** Constructor parameters of the registry (docs/protocol.md §2, §4, §5). */
public record DeployParams(
        long epochLengthSeconds,
        long validityEpochs,
        long escrowUnlockDelaySeconds,
        BigInteger minBondWei,
        BigInteger maxRefundWei,
        Target initialTarget,
        long desiredClaimsPerEpoch) {
    public DeployParams {
        if (epochLengthSeconds < 1 || validityEpochs < 1 || escrowUnlockDelaySeconds < 0 || desiredClaimsPerEpoch < 1) {
            throw new IllegalArgumentException("epoch length, validity and claims rate must be positive");
        }
        if (minBondWei.signum() < 0 || maxRefundWei.signum() < 0) {
            throw new IllegalArgumentException("amounts must be non-negative");
        }
    }

    /** One-hour epochs, 2-epoch validity, one-day escrow delay, 0.1 ETH bond, 0.001 ETH max refund, about 1 golden hop in 32, aiming at 100 claims per epoch. */
    public static DeployParams defaults() {
        return new DeployParams(3600, 2, 86_400, BigInteger.TEN.pow(17), BigInteger.TEN.pow(15), Target.oneIn(32), 100);
    }
}
