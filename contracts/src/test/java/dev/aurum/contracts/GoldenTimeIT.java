package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Retarget;
import dev.aurum.proofs.protocol.Target;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios that move the chain clock: claim expiry, escrow withdrawal delay, epoch rollover and retargeting. */
class GoldenTimeIT {
    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger FACE = BigInteger.TEN.pow(16);
    static final long EPOCH = 100;
    static final long ESCROW_DELAY = 150; // 1.5 epochs: epoch-0 tickets are still valid afterwards
    static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("time/client");

    GoldenChain golden;
    LocalChainControl chain;
    GoldenClient owner;
    GoldenClient client;
    final Map<Long, ReceiptKey> keys = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        golden = GoldenChain.embedded(new DeployParams(EPOCH, 2, ESCROW_DELAY, BigInteger.ZERO, BigInteger.TEN.pow(15),
                new Target(Target.MAX.shiftRight(1)), 1));
        chain = golden.localControl().orElseThrow();
        chain.setBalance(CLIENT.address(), ETH.multiply(BigInteger.TEN));
        owner = golden.owner();
        client = owner.as(CLIENT);
        for (long i = 1; i <= 3; i++) {
            ReceiptKey key = ReceiptKey.deriveForTesting("time/peer/" + i);
            owner.registerPeer(dev.aurum.proofs.protocol.PeerBinding.identityForTesting("time/identity/" + i), key,
                    ReceiptKey.deriveForTesting("time/payee/" + i).address(), BigInteger.ZERO);
            keys.put(i, key);
        }
    }

    @AfterEach
    void tearDown() {
        golden.close();
    }

    GoldenClaim golden(String label, long epoch) {
        EpochInfo info = owner.epoch(epoch);
        return new ClaimFactory(owner.domain(), CLIENT, keys).mine(label, List.of(1L, 2L, 3L), FACE, epoch,
                info.seed().orElseThrow(), new Target(info.target()), true);
    }

    @Test
    void claimsExpireAfterTheValidityWindow() {
        client.deposit(ETH);
        GoldenClaim claim = golden("late", 0);
        chain.advanceTime(3 * EPOCH);
        var e = assertThrows(GoldenErrors.ClaimExpired.class, () -> client.submitClaim(claim));
        assertEquals(BigInteger.ZERO, e.epoch());
        assertEquals(BigInteger.valueOf(3), e.currentEpoch());
    }

    @Test
    void pendingClaimsExpireAfterTheSettlementWindow() {
        client.deposit(ETH);
        ClaimSubmission pending = client.submitClaim(golden("no-verdicts", 0)).submission();
        assertEquals(0, pending.payout().epoch());
        var open = assertThrows(GoldenErrors.SettlementWindowOpen.class, () -> client.expireClaim(pending));
        assertEquals(BigInteger.valueOf(5), open.untilEpoch(), "epoch 0 + 2 x validity 2 + 1");
        chain.advanceTime(6 * EPOCH);
        BigInteger escrowBefore = owner.escrowOf(CLIENT.address()).balance();
        GasReport.record("expireClaim (void after the settlement window)", client.expireClaim(pending).gasUsed());
        assertEquals(ClaimState.Status.VOIDED, owner.claimState(pending.claimId()).status());
        assertEquals(escrowBefore.add(FACE), owner.escrowOf(CLIENT.address()).balance());
        assertThrows(GoldenErrors.ClaimNotPending.class, () -> client.expireClaim(pending));
    }

    @Test
    void escrowCannotBeWithdrawnBeforeTheDelay() {
        client.deposit(ETH);
        var noRequest = assertThrows(GoldenErrors.EscrowLocked.class, () -> client.withdrawEscrow(ETH));
        assertEquals(BigInteger.ZERO, noRequest.unlockAt());
        client.requestEscrowWithdrawal();
        long unlockAt = owner.escrowOf(CLIENT.address()).unlockAt();
        var early = assertThrows(GoldenErrors.EscrowLocked.class, () -> client.withdrawEscrow(ETH));
        assertEquals(BigInteger.valueOf(unlockAt), early.unlockAt());

        // during the delay the escrow still pays claims: no front-running of claims by withdrawing
        client.submitClaim(golden("during-delay", 0));
        chain.advanceTime(ESCROW_DELAY);
        BigInteger before = owner.balanceOf(CLIENT.address());
        TxOutcome tx = client.withdrawEscrow(ETH.subtract(FACE));
        GasReport.record("withdrawEscrow (after the delay)", tx.gasUsed());
        assertEquals(BigInteger.ZERO, owner.escrowOf(CLIENT.address()).balance());
        assertTrue(owner.balanceOf(CLIENT.address()).compareTo(before) > 0);
        assertThrows(GoldenErrors.InsufficientEscrow.class, () -> client.submitClaim(golden("empty", 0)));
    }

    @Test
    void rolloverSeedsEpochsAndRetargetsOneEpochLater() throws Exception {
        client.deposit(ETH);
        Target t0 = new Target(owner.epoch(0).target());
        client.submitClaim(golden("epoch0-a", 0));
        long claimsInEpoch0 = owner.epoch(0).claimCount();
        assertEquals(1, claimsInEpoch0);
        assertTrue(owner.epoch(1).seed().isEmpty(), "not seeded before rollover");

        chain.advanceTime(2 * EPOCH);
        TxOutcome tx = client.rollover();
        GasReport.record("rollover (seed 2 epochs + retarget)", tx.gasUsed());
        EpochInfo e1 = owner.epoch(1);
        EpochInfo e2 = owner.epoch(2);
        assertTrue(e1.seed().isPresent() && e2.seed().isPresent());
        assertEquals(t0.value(), e1.target(), "epoch 1 keeps the initial target");
        // epoch 2's target comes from epoch 0's claims (1 vs desired 1), epoch 3's from epoch 1's (0 → ×4, capped)
        assertEquals(Retarget.next(new Target(e1.target()), claimsInEpoch0, 1).value(), e2.target());
        assertEquals(Retarget.next(new Target(e2.target()), 0, 1).value(), owner.epoch(3).target());
        assertEquals(Target.MAX, owner.epoch(3).target());

        // a claim for the freshly seeded epoch uses the chain's seed and target
        GoldenClaim claim = golden("epoch2", 2);
        assertEquals(2, client.submitClaim(claim).submission().payout().peers().size());
        assertEquals(1, owner.epoch(2).claimCount());
    }
}
