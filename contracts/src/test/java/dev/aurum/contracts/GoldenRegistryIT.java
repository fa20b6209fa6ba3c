package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.contracts.generated.test.ReentrantPayee;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.ClaimPreflight;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.PeerBinding;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.protocol.Verdict;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/** The acceptance scenarios of the golden-particle protocol against a real anvil (one node for the class). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenRegistryIT {
    static final int PEERS = 9;
    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger FACE = BigInteger.TEN.pow(16);
    static final BigInteger BOND = BigInteger.TEN.pow(17);
    static final BigInteger MAX_REFUND = BigInteger.TEN.pow(15);
    static final Bytes32 MODULE = Keccak.keccak256Utf8("aurum-verifier/test-module");
    /** The largest target: about 1 hop in 16 is golden, so tests find golden particles quickly. */
    static final DeployParams PARAMS = new DeployParams(3600, 2, 86_400, BOND, MAX_REFUND, new Target(Target.MAX), 10);

    static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("it/client");
    static final ReceiptKey RELAYER = ReceiptKey.deriveForTesting("it/relayer");
    static final ReceiptKey FRONTRUNNER = ReceiptKey.deriveForTesting("it/frontrunner");
    static final ReceiptKey REPORTER = ReceiptKey.deriveForTesting("it/reporter");
    static final ReceiptKey OUTSIDER = ReceiptKey.deriveForTesting("it/outsider");
    static final List<ReceiptKey> VERIFIERS = List.of(ReceiptKey.deriveForTesting("it/verifier/1"),
            ReceiptKey.deriveForTesting("it/verifier/2"), ReceiptKey.deriveForTesting("it/verifier/3"));

    static AnvilNode anvil;
    static LocalChainControl chain;
    static GoldenClient owner;
    static GoldenClient relayer;
    static GoldenClient client;
    static final Map<Long, ReceiptKey> RECEIPT_KEYS = new LinkedHashMap<>();
    static final List<KeyPair> IDENTITIES = new ArrayList<>();
    static final List<ReceiptKey> PAYEES = new ArrayList<>();
    static ClaimFactory factory;
    static Bytes32 seed0;
    static Target target0;
    static GoldenClaim firstClaim;

    @BeforeAll
    static void setUp() throws Exception {
        anvil = AnvilNode.start();
        chain = new LocalChainControl(anvil.rpcUrl());
        for (ReceiptKey k : List.of(CLIENT, RELAYER, FRONTRUNNER, REPORTER, OUTSIDER)) {
            chain.setBalance(k.address(), ETH.multiply(BigInteger.valueOf(100)));
        }
        for (ReceiptKey k : VERIFIERS) {
            chain.setBalance(k.address(), ETH);
        }
        owner = GoldenClient.deploy(anvil.rpcUrl(), ReceiptKey.fromSecret(Bytes32.fromHexString(AnvilNode.DEV_KEY_0)), PARAMS);
        relayer = owner.as(RELAYER);
        client = owner.as(CLIENT);
        for (int i = 1; i <= PEERS; i++) {
            KeyPair identity = PeerBinding.identityForTesting("it/peer/" + i + "/identity");
            ReceiptKey receiptKey = ReceiptKey.deriveForTesting("it/peer/" + i + "/receipt-key");
            ReceiptKey payee = ReceiptKey.deriveForTesting("it/peer/" + i + "/payee");
            GoldenClient.Registered reg = owner.registerPeer(identity, receiptKey, payee.address(), BOND);
            assertEquals(i, reg.peer().value());
            if (i == 1) {
                GasReport.record("registerPeer (Ed25519 binding verified on-chain, bond, receipt-key consent)",
                        reg.tx().gasUsed());
                assertTrue(reg.tx().gasUsed() <= 1_200_000, "registration within 1.2M gas: " + reg.tx().gasUsed());
            }
            IDENTITIES.add(identity);
            PAYEES.add(payee);
            RECEIPT_KEYS.put((long) i, receiptKey);
        }
        for (ReceiptKey v : VERIFIERS) {
            owner.addVerifier(v.address());
        }
        owner.setQuorum(2);
        owner.setModuleHash(MODULE);
        GasReport.record("deposit (escrow)", client.deposit(ETH.multiply(BigInteger.valueOf(5))).gasUsed());
        EpochInfo epoch0 = owner.epoch(0);
        seed0 = epoch0.seed().orElseThrow();
        target0 = new Target(epoch0.target());
        factory = new ClaimFactory(owner.domain(), CLIENT, RECEIPT_KEYS);
    }

    @AfterAll
    static void tearDown() throws Exception {
        GasReport.write();
        if (owner != null) {
            owner.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    static List<Long> peers(long... indexes) {
        List<Long> out = new ArrayList<>();
        for (long i : indexes) {
            out.add(i);
        }
        return out;
    }

    static GoldenClaim golden(String label, List<Long> peers) {
        return factory.mine(label, peers, FACE, 0, seed0, target0, true);
    }

    static void approve(GoldenClient relay, ClaimId claimId, int verifiers) {
        Verdict verdict = new Verdict(claimId.value(), MODULE, true);
        for (int i = 0; i < verifiers; i++) {
            TxOutcome tx = relay.attest(verdict, relay.signVerdict(verdict, VERIFIERS.get(i)));
            if (i == 0) {
                GasReport.record("attest (one verifier verdict)", tx.gasUsed());
            }
        }
    }

    @Test
    @Order(1)
    void happyPathFourHopsPaysEveryParticipant() {
        assertEquals(Eip712Domain.golden(AnvilNode.CHAIN_ID, owner.contractAddress()).separator(),
                owner.domainSeparatorOnChain(), "Java and the deployed registry agree on the domain");
        firstClaim = golden("happy", peers(1, 2, 3, 4, 5));
        assertEquals(firstClaim.ticket().hash(), owner.ticketHashOnChain(firstClaim.ticket()));
        Map<Long, EvmAddress> registered = new LinkedHashMap<>();
        RECEIPT_KEYS.forEach((peer, key) -> registered.put(peer, key.address()));
        assertEquals(Optional.empty(), ClaimPreflight.firstProblem(firstClaim, owner.domain(), seed0, registered));
        try (GoldenClient connected = GoldenClient.connect(anvil.rpcUrl(), CLIENT, owner.contractAddress())) {
            assertEquals(owner.escrowOf(CLIENT.address()), connected.escrowOf(CLIENT.address()));
            assertEquals(new PeerIndex(3), connected.peerOfReceiptKey(RECEIPT_KEYS.get(3L).address()).orElseThrow());
        }
        BigInteger escrowBefore = owner.escrowOf(CLIENT.address()).balance();

        GoldenClient.ClaimReceipt receipt = relayer.submitClaim(firstClaim);
        GasReport.record("submitClaim, golden hop k = 4 (5 receipts)", receipt.tx().gasUsed());
        assertTrue(receipt.tx().gasUsed() <= 150_000, "4-hop claim within 150k gas: " + receipt.tx().gasUsed());
        ClaimSubmission submission = receipt.submission();
        assertEquals(firstClaim.claimId(), submission.claimId());
        assertEquals(4, submission.goldenHop());
        assertEquals(RELAYER.address(), submission.payout().submitter());
        assertEquals(List.of(new PeerIndex(1), new PeerIndex(2), new PeerIndex(3), new PeerIndex(4)),
                submission.payout().peers());
        assertEquals(escrowBefore.subtract(FACE), owner.escrowOf(CLIENT.address()).balance());
        assertEquals(ClaimState.Status.PENDING, owner.claimState(submission.claimId()).status());

        approve(relayer, submission.claimId(), 2);
        TxOutcome fin = relayer.finalizeClaim(submission);
        GasReport.record("finalize (credit 4 peers + refund)", fin.gasUsed());
        assertEquals(ClaimState.Status.FINALIZED, owner.claimState(submission.claimId()).status());

        List<BigInteger> shares = submission.payout().hopShares();
        BigInteger paid = BigInteger.ZERO;
        for (int i = 0; i < 4; i++) {
            PeerIndex peer = new PeerIndex(i + 1);
            EvmAddress payee = PAYEES.get(i).address();
            BigInteger before = owner.balanceOf(payee);
            TxOutcome w = relayer.withdrawRewards(peer);
            if (i == 0) {
                GasReport.record("withdrawRewards (to payee)", w.gasUsed());
            }
            assertEquals(before.add(shares.get(i)), owner.balanceOf(payee), "payee of peer " + (i + 1));
            assertEquals(BigInteger.ZERO, owner.peerBalance(peer));
            paid = paid.add(shares.get(i));
        }
        assertEquals(BigInteger.ZERO, owner.peerBalance(new PeerIndex(5)), "the next hop is not paid for hop 4");
        BigInteger refund = submission.payout().refund();
        assertTrue(refund.signum() > 0 && refund.compareTo(MAX_REFUND) <= 0);
        assertEquals(refund, owner.accountBalance(RELAYER.address()));
        relayer.withdrawBalance();
        assertEquals(BigInteger.ZERO, owner.accountBalance(RELAYER.address()));
        assertEquals(FACE, paid.add(refund), "face value fully distributed");
    }

    @Test
    @Order(2)
    void eightHopClaimGas() {
        GoldenClaim claim = golden("eight", peers(1, 2, 3, 4, 5, 6, 7, 8, 9));
        GoldenClient.ClaimReceipt receipt = relayer.submitClaim(claim);
        GasReport.record("submitClaim, golden hop k = 8 (9 receipts)", receipt.tx().gasUsed());
        assertTrue(receipt.tx().gasUsed() <= 205_000, "8-hop claim within 205k gas: " + receipt.tx().gasUsed());
        assertEquals(8, receipt.submission().payout().peers().size());
    }

    @Test
    @Order(3)
    void doubleClaimIsRejected() {
        var e = assertThrows(GoldenErrors.AlreadyClaimed.class, () -> relayer.submitClaim(firstClaim));
        assertEquals(firstClaim.claimId().value(), Bytes32.wrap(e.claimId()));
    }

    @Test
    @Order(4)
    void replayUnderAnotherChainIdIsRejected() {
        Eip712Domain otherChain = Eip712Domain.golden(1, owner.contractAddress());
        ClaimFactory foreign = new ClaimFactory(otherChain, CLIENT, RECEIPT_KEYS);
        GoldenClaim claim = foreign.mine("chain-1", peers(1, 2, 3, 4, 5), FACE, 0, seed0, target0, true);
        assertThrows(GoldenErrors.BadClientSignature.class, () -> relayer.submitClaim(claim));
    }

    @Test
    @Order(5)
    void replayAgainstAnotherContractIsRejected() {
        GoldenClaim claim = golden("other-contract", peers(1, 2, 3, 4, 5));
        try (GoldenClient second = GoldenClient.deploy(anvil.rpcUrl(), RELAYER, PARAMS)) {
            assertThrows(GoldenErrors.BadClientSignature.class, () -> second.submitClaim(claim));
        }
    }

    @Test
    @Order(6)
    void wrongTargetOrEpochIsRejected() {
        Target other = Target.oneIn(64);
        GoldenClaim wrongTarget = factory.mine("wrong-target", peers(1, 2, 3, 4, 5), FACE, 0, seed0, other, true);
        var e = assertThrows(GoldenErrors.WrongTarget.class, () -> relayer.submitClaim(wrongTarget));
        assertEquals(target0.value(), e.expected());
        GoldenClaim futureEpoch = factory.mine("future-epoch", peers(1, 2, 3, 4, 5), FACE, 7, seed0, target0, true);
        assertThrows(GoldenErrors.EpochNotSeeded.class, () -> relayer.submitClaim(futureEpoch));
    }

    @Test
    @Order(7)
    void nonGoldenHopIsRejected() {
        GoldenClaim plain = factory.mine("plain", peers(1, 2, 3, 4, 5), FACE, 0, seed0, target0, false);
        var e = assertThrows(GoldenErrors.NotGolden.class, () -> relayer.submitClaim(plain));
        assertEquals(BigInteger.valueOf(4), e.hop());
    }

    @Test
    @Order(8)
    void brokenReceiptChainIsRejected() {
        GoldenClaim claim = golden("broken", peers(1, 2, 3, 4, 5));
        HopReceipt original = claim.receipts().get(2).receipt();
        HopReceipt rewired = new HopReceipt(original.ticketHash(), 3, original.peer(), Keccak.keccak256Utf8("elsewhere"),
                original.dataCommitment(), original.cidsHash());
        GoldenClaim broken = ClaimFactory.withReceipt(claim, 3,
                SignedReceipt.sign(owner.domain(), rewired, RECEIPT_KEYS.get(3L)));
        var e = assertThrows(GoldenErrors.BrokenReceiptChain.class, () -> relayer.submitClaim(broken));
        assertEquals(BigInteger.valueOf(3), e.hop());
    }

    @Test
    @Order(9)
    void unregisteredPeerIsRejected() {
        ParticleTicket ticket = factory.ticket("unregistered", FACE, 0, target0, 0);
        List<HopReceipt> receipts = ReceiptChain.link(ticket.hash(), ClaimFactory.hopData("unregistered", peers(1, 2, 77, 4, 5)));
        GoldenClaim claim = factory.sign(ticket, receipts);
        var e = assertThrows(GoldenErrors.UnknownPeer.class, () -> relayer.submitClaim(claim));
        assertEquals(BigInteger.valueOf(3), e.hop());
        assertEquals(BigInteger.valueOf(77), e.peer());
    }

    @Test
    @Order(10)
    void badClientAndReceiptSignaturesAreRejected() {
        GoldenClaim claim = golden("bad-sigs", peers(1, 2, 3, 4, 5));
        List<HopReceipt> receipts = new ArrayList<>();
        for (SignedReceipt r : claim.receipts()) {
            receipts.add(r.receipt());
        }
        GoldenClaim forgedTicket = factory.sign(claim.ticket(), receipts, OUTSIDER);
        assertThrows(GoldenErrors.BadClientSignature.class, () -> relayer.submitClaim(forgedTicket));

        GoldenClaim forgedReceipt = ClaimFactory.withReceipt(claim, 2,
                SignedReceipt.sign(owner.domain(), receipts.get(1), RECEIPT_KEYS.get(7L)));
        var e = assertThrows(GoldenErrors.BadReceiptSignature.class, () -> relayer.submitClaim(forgedReceipt));
        assertEquals(BigInteger.valueOf(2), e.hop());
    }

    @Test
    @Order(11)
    void verdictsAreCheckedAndQuorumIsRequired() {
        GoldenClaim claim = golden("verdicts", peers(2, 3, 4, 5, 6));
        ClaimSubmission submission = relayer.submitClaim(claim).submission();
        Verdict verdict = new Verdict(submission.claimId().value(), MODULE, true);
        var notVerifier = assertThrows(GoldenErrors.NotVerifier.class,
                () -> relayer.attest(verdict, relayer.signVerdict(verdict, OUTSIDER)));
        assertEquals(OUTSIDER.address(), EvmAddress.fromHex(notVerifier.signer()));
        Verdict otherModule = new Verdict(submission.claimId().value(), Keccak.keccak256Utf8("other build"), true);
        assertThrows(GoldenErrors.WrongModuleHash.class,
                () -> relayer.attest(otherModule, relayer.signVerdict(otherModule, VERIFIERS.get(0))));
        relayer.attest(verdict, relayer.signVerdict(verdict, VERIFIERS.get(0)));
        assertThrows(GoldenErrors.AlreadyAttested.class,
                () -> relayer.attest(verdict, relayer.signVerdict(verdict, VERIFIERS.get(0))));
        assertThrows(GoldenErrors.QuorumNotReached.class, () -> relayer.finalizeClaim(submission));

        // a quorum of rejections voids the claim and returns the face value to the escrow
        Verdict reject = new Verdict(submission.claimId().value(), MODULE, false);
        relayer.attest(reject, relayer.signVerdict(reject, VERIFIERS.get(1)));
        relayer.attest(reject, relayer.signVerdict(reject, VERIFIERS.get(2)));
        BigInteger escrowBefore = owner.escrowOf(CLIENT.address()).balance();
        relayer.finalizeClaim(submission);
        assertEquals(ClaimState.Status.VOIDED, owner.claimState(submission.claimId()).status());
        assertEquals(escrowBefore.add(FACE), owner.escrowOf(CLIENT.address()).balance());
        assertThrows(GoldenErrors.ClaimNotPending.class,
                () -> relayer.attest(verdict, relayer.signVerdict(verdict, VERIFIERS.get(1))));
    }

    @Test
    @Order(12)
    void retiredVerifiersStopCounting() {
        ReceiptKey extra = ReceiptKey.deriveForTesting("it/verifier/retired");
        owner.addVerifier(extra.address());
        ClaimSubmission submission = relayer.submitClaim(golden("retired", peers(5, 6, 7, 8, 9))).submission();
        Verdict verdict = new Verdict(submission.claimId().value(), MODULE, true);
        relayer.attest(verdict, relayer.signVerdict(verdict, extra));
        relayer.attest(verdict, relayer.signVerdict(verdict, VERIFIERS.get(0)));
        owner.removeVerifier(extra.address());
        var e = assertThrows(GoldenErrors.QuorumNotReached.class, () -> relayer.finalizeClaim(submission));
        assertEquals(BigInteger.ONE, e.approvals(), "the retired verifier's vote no longer counts");
        assertThrows(GoldenErrors.NotVerifier.class, () -> relayer.attest(
                new Verdict(submission.claimId().value(), MODULE, false),
                relayer.signVerdict(new Verdict(submission.claimId().value(), MODULE, false), extra)));
        assertThrows(GoldenErrors.NotOwner.class, () -> relayer.removeVerifier(VERIFIERS.get(0).address()));
        relayer.attest(verdict, relayer.signVerdict(verdict, VERIFIERS.get(1)));
        relayer.finalizeClaim(submission);
        assertEquals(ClaimState.Status.FINALIZED, owner.claimState(submission.claimId()).status());
    }

    @Test
    @Order(13)
    void frontRunningStillPaysTheRegisteredPayees() {
        GoldenClaim claim = golden("front-run", peers(3, 4, 5, 6, 7));
        GoldenClient thief = owner.as(FRONTRUNNER);
        ClaimSubmission stolen = thief.submitClaim(claim).submission();
        assertThrows(GoldenErrors.AlreadyClaimed.class, () -> relayer.submitClaim(claim));
        approve(thief, stolen.claimId(), 2);
        thief.finalizeClaim(stolen);
        List<BigInteger> shares = stolen.payout().hopShares();
        for (int i = 0; i < 4; i++) {
            PeerIndex peer = new PeerIndex(3 + i);
            EvmAddress payee = PAYEES.get(2 + i).address();
            BigInteger owed = owner.peerBalance(peer);
            assertTrue(owed.compareTo(shares.get(i)) >= 0);
            BigInteger before = owner.balanceOf(payee);
            thief.withdrawRewards(peer);
            assertEquals(before.add(owed), owner.balanceOf(payee), "rewards go to the payee, not the caller");
        }
        assertEquals(stolen.payout().refund(), owner.accountBalance(FRONTRUNNER.address()),
                "the front-runner gets only the capped gas refund");
        assertTrue(stolen.payout().refund().compareTo(MAX_REFUND) <= 0);
    }

    @Test
    @Order(14)
    void batchSkipsInvalidClaimsInsteadOfReverting() {
        GoldenClaim fresh = golden("batch-ok", peers(4, 5, 6, 7, 8));
        GoldenClaim plain = factory.mine("batch-plain", peers(1, 2, 3, 4, 5), FACE, 0, seed0, target0, false);
        GoldenClient.BatchReceipt batch = relayer.submitClaims(List.of(fresh, firstClaim, plain));
        GasReport.record("submitClaims batch (1 accepted 4-hop + 2 skipped)", batch.tx().gasUsed());
        assertEquals(3, batch.results().size());
        var accepted = assertInstanceOf(BatchResult.Accepted.class, batch.results().get(0));
        assertEquals(fresh.claimId(), accepted.submission().claimId());
        var dup = assertInstanceOf(BatchResult.Skipped.class, batch.results().get(1));
        assertInstanceOf(GoldenErrors.AlreadyClaimed.class, dup.reason());
        var notGolden = assertInstanceOf(BatchResult.Skipped.class, batch.results().get(2));
        assertInstanceOf(GoldenErrors.NotGolden.class, notGolden.reason());
        assertEquals(ClaimState.Status.PENDING, owner.claimState(fresh.claimId()).status());
    }

    @Test
    @Order(15)
    void reentrancyOnWithdrawIsBlocked() throws Exception {
        ReceiptKey payee6 = PAYEES.get(5);
        chain.setBalance(payee6.address(), ETH);
        Credentials deployer = Credentials.create(AnvilNode.DEV_KEY_0);
        ReentrantPayee attacker = ReentrantPayee.deploy(owner.web3j(),
                new RawTransactionManager(owner.web3j(), deployer, AnvilNode.CHAIN_ID),
                new StaticGasProvider(BigInteger.valueOf(10_000_000_000L), BigInteger.valueOf(2_000_000)),
                owner.contractAddress().toHex()).send();
        PeerIndex peer6 = new PeerIndex(6);
        assertThrows(GoldenErrors.NotPayee.class, () -> relayer.proposePayee(peer6, EvmAddress.fromHex(attacker.getContractAddress())));
        owner.as(payee6).proposePayee(peer6, EvmAddress.fromHex(attacker.getContractAddress()));
        assertThrows(GoldenErrors.NotPendingPayee.class, () -> relayer.acceptPayee(peer6));
        attacker.accept(BigInteger.valueOf(6)).send();
        assertEquals(EvmAddress.fromHex(attacker.getContractAddress()), owner.payeeOf(peer6));

        ClaimSubmission submission = relayer.submitClaim(golden("reentrancy", peers(6, 7, 8, 9, 1))).submission();
        approve(relayer, submission.claimId(), 2);
        relayer.finalizeClaim(submission);
        BigInteger owed = owner.peerBalance(peer6);
        assertTrue(owed.signum() > 0);
        relayer.withdrawRewards(peer6);
        assertEquals(owed, attacker.received().send(), "paid exactly once");
        assertEquals(BigInteger.ONE, attacker.receivedCalls().send());
        assertInstanceOf(GoldenErrors.Reentrancy.class,
                RevertDecoder.decode("0x" + dev.aurum.proofs.protocol.Hex.encode(attacker.reentryError().send())));
        assertEquals(BigInteger.ZERO, owner.peerBalance(peer6));
        assertThrows(GoldenErrors.NothingToWithdraw.class, () -> relayer.withdrawRewards(peer6));
    }

    @Test
    @Order(16)
    void registrationChecksSignaturesAndUniqueness() {
        KeyPair identity = IDENTITIES.get(0);
        assertThrows(GoldenErrors.PeerAlreadyRegistered.class, () -> owner.registerPeer(identity,
                ReceiptKey.deriveForTesting("it/fresh-key"), PAYEES.get(0).address(), BOND));
        KeyPair fresh = PeerBinding.identityForTesting("it/fresh-identity");
        ReceiptKey freshKey = ReceiptKey.deriveForTesting("it/fresh-key");
        PeerBinding binding = PeerBinding.of(fresh, freshKey.address(), PAYEES.get(0).address());
        PeerBinding otherBinding = PeerBinding.of(fresh, freshKey.address(), OUTSIDER.address());
        assertThrows(GoldenErrors.BadPeerSignature.class, () -> owner.registerPeer(binding,
                otherBinding.sign(owner.domain(), fresh), freshKey.sign(owner.domain().digest(binding.hash())), BOND));
        assertThrows(GoldenErrors.BadReceiptKeySignature.class, () -> owner.registerPeer(binding,
                binding.sign(owner.domain(), fresh), OUTSIDER.sign(owner.domain().digest(binding.hash())), BOND));
        assertThrows(GoldenErrors.BondTooSmall.class, () -> owner.registerPeer(fresh, freshKey,
                PAYEES.get(0).address(), BOND.subtract(BigInteger.ONE)));
        assertThrows(GoldenErrors.ReceiptKeyInUse.class, () -> owner.registerPeer(fresh, RECEIPT_KEYS.get(1L),
                PAYEES.get(0).address(), BOND));
    }

    @Test
    @Order(17)
    void equivocationVoidsTheClaimAndSlashesTheBond() {
        GoldenClaim claim = golden("equivocation", peers(9, 1, 2, 3, 4));
        ClaimSubmission submission = relayer.submitClaim(claim).submission();
        BigInteger escrowBefore = owner.escrowOf(CLIENT.address()).balance();
        SignedReceipt honest = claim.receipts().get(0);
        HopReceipt h = honest.receipt();
        HopReceipt other = new HopReceipt(h.ticketHash(), h.hopIndex(), h.peer(), h.prevReceiptHash(),
                Keccak.keccak256Utf8("a different outcome"), h.cidsHash());
        SignedReceipt second = SignedReceipt.sign(owner.domain(), other, RECEIPT_KEYS.get(9L));
        GoldenClient reporter = owner.as(REPORTER);
        assertThrows(GoldenErrors.NotEquivocation.class, () -> reporter.reportEquivocation(honest, honest, Optional.empty()));
        TxOutcome tx = reporter.reportEquivocation(honest, second, Optional.of(submission));
        GasReport.record("reportEquivocation (slash + void pending claim)", tx.gasUsed());
        assertEquals(ClaimState.Status.VOIDED, owner.claimState(submission.claimId()).status());
        assertEquals(escrowBefore.add(FACE), owner.escrowOf(CLIENT.address()).balance());
        assertEquals(BOND.divide(BigInteger.TWO), owner.accountBalance(REPORTER.address()));
        assertThrows(GoldenErrors.PeerSlashed.class,
                () -> relayer.submitClaim(golden("after-slash", peers(9, 1, 2, 3, 4))));
    }
}
