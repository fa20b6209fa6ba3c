package dev.aurum.proofs.golden;

import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.Target;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the golden hash of a ticket's hops depends on besides the receipts: the registry's domain, the
 * ticket's epoch, that epoch's seed and target (all read from the chain once per epoch).
 */
public record MiningContext(Eip712Domain domain, long epoch, Bytes32 epochSeed, Target target) {
    public MiningContext {
        if (domain == null || epochSeed == null || target == null || epoch < 0) {
            throw new IllegalArgumentException("domain, epoch >= 0, seed and target are required");
        }
    }
}
