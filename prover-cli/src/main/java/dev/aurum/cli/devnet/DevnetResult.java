package dev.aurum.cli.devnet;

import java.math.BigInteger;
import java.util.List;

/**
 * What a devnet run did. Everything except {@link Timing} is fixed by the configuration (seed included).
 *
 * @param escrowPaidOut the client's escrow before the claims minus after
 * @param rewardsPaid   what reached payees (hop shares) plus refunds withdrawn by submitters
 * @param tamperedTried tampered copies of one golden bundle (one field changed each), all to be refused
 */
public record DevnetResult(DevnetConfig config, String engine, String contract, int particles, int hops,
                           int goldenHops, int claimsSubmitted, int claimsSkipped, int claimsPaid,
                           int verdictsValid, int verdictsInvalid, long claimGas, long setupGas,
                           BigInteger escrowPaidOut, BigInteger rewardsPaid, int tamperedTried,
                           int tamperedRefusedByCommittee, int tamperedRefusedByContract, List<PeerRow> peers,
                           List<ParticleRow> particleRows, List<EpochRow> epochs, Timing timing) {

    /** One peer: hops executed, golden hops mined, hop shares credited and refunds as a submitter. */
    public record PeerRow(String name, String peerId, long index, int hops, int golden, BigInteger hopRewards,
                          BigInteger refunds) {
        public BigInteger total() {
            return hopRewards.add(refunds);
        }
    }

    /** One particle: its scenario, its ticket's epoch, hops (peer name and the hop that delivered to it) and golden hops (1-based). */
    public record ParticleRow(String id, String scenario, long epoch, List<HopRow> hops, List<Integer> golden) {}

    /**
     * One epoch: the registry's target for it, the target docs/protocol.md §4 predicts from the claims accepted
     * two epochs earlier, and what was mined and accepted for its tickets.
     */
    public record EpochRow(long epoch, BigInteger target, BigInteger expectedTarget, int particles, int hops, int golden,
                           int claimsAccepted) {
        public boolean retargetedAsSpecified() {
            return target.equals(expectedTarget);
        }
    }

    public record HopRow(int index, String peer, int from) {}

    /** Wall-clock measurements (not reproducible, reported beside the result). */
    public record Timing(long processNanos, long receiptNanos, long miningNanos, long verifyNanos, long submitNanos,
                         long totalNanos) {}

    /**
     * The acceptance conditions: every golden claim paid, every verdict valid, rewards equal escrow paid out,
     * every tampered bundle refused, every epoch's target as the retarget rule says.
     */
    public boolean allChecksPass() {
        return epochs.stream().allMatch(EpochRow::retargetedAsSpecified) && claimsSkipped == 0 && claimsPaid == goldenHops && verdictsInvalid == 0
                && verdictsValid == goldenHops * config.verifiers() && escrowPaidOut.equals(rewardsPaid)
                && tamperedRefusedByCommittee == tamperedTried && tamperedRefusedByContract == tamperedTried;
    }
}
