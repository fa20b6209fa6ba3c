package dev.aurum.verifier;

import dev.aurum.proofs.runtime.MemoizingAquaVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.verifier.committee.BundleCheck;
import dev.aurum.verifier.committee.ChainView;
import dev.aurum.verifier.committee.CommitteeMember;
import dev.aurum.verifier.wasi.BundleVerdict;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The verifier committee approves an honest golden bundle and refuses it with any field tampered. */
class CommitteeMemberTest {

    private static final MemoizingAquaVm ENGINE = new MemoizingAquaVm(Engines.REFERENCE);
    private static final Eip712Domain DOMAIN = Eip712Domain.golden(31337, EvmAddress.fromHex("0x00000000000000000000000000000000000a0b0c"));
    private static final Target TARGET = new Target(Target.MAX);
    private static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("committee/client");
    private static final Bytes32 MODULE = Keccak.keccak256Utf8("committee/module");
    private static final CommitteeMember MEMBER = new CommitteeMember(ReceiptKey.deriveForTesting("committee/verifier"),
            MODULE, new BundleCheck(new TraceVerifier(ENGINE)));

    private static final Map<String, Long> INDEXES = new TreeMap<>();
    private static final Map<Long, ReceiptKey> KEYS = new TreeMap<>();
    private static final Map<Long, Bytes32> SEEDS = new TreeMap<>();
    private static final ProofBundle HONEST = mineOne();

    private static final ChainView CHAIN = new ChainView() {
        public Eip712Domain domain() {
            return DOMAIN;
        }

        public Optional<Bytes32> epochSeed(long epoch) {
            return Optional.ofNullable(SEEDS.get(epoch));
        }

        public Target target(long epoch) {
            return TARGET;
        }

        public Optional<Long> peerIndexOf(PublicKey key) {
            return Optional.ofNullable(INDEXES.get(key.peerId().toString()));
        }

        public Optional<RegisteredPeer> peer(long index) {
            ReceiptKey k = KEYS.get(index);
            return k == null ? Optional.empty() : Optional.of(new RegisteredPeer(k.address(), false));
        }
    };

    /** Runs fork-join and picks the first epoch seed that makes some hop golden (deterministic). */
    private static ProofBundle mineOne() {
        SignedTrace trace = BuiltinScenarios.load("fork-join").run(ENGINE).trace();
        for (Hop h : trace.hops()) {
            if (!INDEXES.containsKey(h.peer())) {
                long index = INDEXES.size() + 1;
                INDEXES.put(h.peer(), index);
                KEYS.put(index, ReceiptKey.deriveForTesting("committee/peer/" + index));
            }
        }
        var p = trace.particle();
        ParticleTicket ticket = new ParticleTicket(new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script())
                .particleHash(), CLIENT.address(), BigInteger.TEN.pow(15), 0, TARGET, 1);
        EcdsaSignature clientSig = CLIENT.sign(DOMAIN.digest(ticket.hash()));
        List<SignedReceipt> receipts = Miner.receipts(ticket.hash(), trace, INDEXES,
                (peer, r) -> SignedReceipt.sign(DOMAIN, r, KEYS.get(INDEXES.get(peer))));
        for (int s = 0; ; s++) {
            Bytes32 seed = Keccak.keccak256Utf8("committee seed " + s);
            List<ProofBundle> bundles = new Miner(new MiningContext(DOMAIN, 0, seed, TARGET)).mine(ticket, clientSig,
                    trace, receipts);
            if (!bundles.isEmpty()) {
                SEEDS.put(0L, seed);
                return bundles.get(0);
            }
        }
    }

    @Test
    void approvesAnHonestBundleWithASignedVerdict() {
        CommitteeMember.Review review = MEMBER.review(ProofBundleCodec.encode(HONEST), CHAIN);
        assertTrue(review.approved(), review.refusal().orElse(""));
        assertEquals(HONEST.claimId().value(), review.verdict().orElseThrow().claimId());
        assertEquals(MODULE, review.verdict().orElseThrow().moduleHash());
        assertEquals(MEMBER.address(), Secp256k1.recover(DOMAIN.digest(review.verdict().orElseThrow().hash()),
                review.signature().orElseThrow()));
    }

    @Test
    void refusesEveryTamperedField() {
        for (var e : tampers().entrySet()) {
            CommitteeMember.Review review = MEMBER.review(e.getValue().apply(HONEST), CHAIN);
            assertFalse(review.approved(), e.getKey() + " was approved");
            assertTrue(review.refusal().isPresent(), e.getKey());
        }
    }

    @Test
    void aHighSReceiptSignatureIsRefusedForItsForm() {
        BundleProblem problem = new BundleCheck(new TraceVerifier(ENGINE)).firstProblem(tampers().get("receipt 2 high-s")
                .apply(HONEST), CHAIN).orElseThrow();
        assertEquals(new BundleProblem("BadReceiptSignature", 2, "the receipt signature is not in low-s form"), problem);
    }

    /** Both run OfflineBundleChecks: where the committee's reason needs no chain, the Wasm verdict names it too. */
    @Test
    void theWasmVerdictRefusesForTheCommitteesReasonWhereThatNeedsNoChain() throws Exception {
        Set<String> chainSide = Set.of("EpochNotSeeded", "WrongTarget", "WrongPeer", "UnknownPeer", "PeerSlashed",
                "NotGolden");
        BundleCheck committee = new BundleCheck(new TraceVerifier(ENGINE));
        int compared = 0;
        for (var e : tampers().entrySet()) {
            ProofBundle tampered = e.getValue().apply(HONEST);
            BundleProblem expected = committee.firstProblem(tampered, CHAIN).orElseThrow();
            if (chainSide.contains(expected.check()) || expected.detail().equals("not signed by the peer's receipt key")) {
                continue;
            }
            JsonObject verdict = (JsonObject) JsonParser.parse(BundleVerdict.of(ProofBundleCodec.encode(tampered), DOMAIN,
                    null));
            JsonObject problem = (JsonObject) verdict.get("problem");
            if (expected.check().equals("BadHopCount")) { // the codec already refuses a bundle without hop k+1
                assertEquals("Decode", ((JsonString) problem.get("check")).value(), e.getKey());
                continue;
            }
            assertEquals(expected, new BundleProblem(((JsonString) problem.get("check")).value(),
                    Integer.parseInt(problem.get("hop").toString()), ((JsonString) problem.get("detail")).value()),
                    e.getKey());
            compared++;
        }
        assertTrue(compared >= 15, "compared " + compared);
    }

    private static Map<String, UnaryOperator<ProofBundle>> tampers() {
        ParticleTicket t = HONEST.ticket();
        Map<String, UnaryOperator<ProofBundle>> tampers = new java.util.LinkedHashMap<>();
        tampers.put("faceValue", b -> withTicket(b, new ParticleTicket(t.particleHash(), t.client(),
                t.faceValue().add(BigInteger.ONE), t.epoch(), t.target(), t.nonce())));
        tampers.put("epoch", b -> withTicket(b, new ParticleTicket(t.particleHash(), t.client(), t.faceValue(), 1,
                t.target(), t.nonce())));
        tampers.put("nonce", b -> withTicket(b, new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch(), t.target(), t.nonce() + 1)));
        tampers.put("target", b -> withTicket(b, new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch(), Target.oneIn(1 << 20), t.nonce())));
        tampers.put("client", b -> withTicket(b, new ParticleTicket(t.particleHash(), MEMBER.address(),
                t.faceValue(), t.epoch(), t.target(), t.nonce())));
        tampers.put("particleHash", b -> withTicket(b, new ParticleTicket(Keccak.keccak256Utf8("other"), t.client(),
                t.faceValue(), t.epoch(), t.target(), t.nonce())));
        tampers.put("clientSig", b -> new ProofBundle(b.ticket(), CLIENT.sign(Keccak.keccak256Utf8("x")),
                b.receipts(), b.trace()));
        for (int i = 0; i < HONEST.receipts().size(); i++) {
            int at = i;
            tampers.put("receipt " + (i + 1) + " peer", b -> withReceipt(b, at, r -> new HopReceipt(r.ticketHash(),
                    r.hopIndex(), r.peer() % INDEXES.size() + 1, r.prevReceiptHash(), r.dataCommitment(), r.cidsHash())));
            tampers.put("receipt " + (i + 1) + " data", b -> withReceipt(b, at, r -> new HopReceipt(r.ticketHash(),
                    r.hopIndex(), r.peer(), r.prevReceiptHash(), Keccak.keccak256Utf8("d"), r.cidsHash())));
            tampers.put("receipt " + (i + 1) + " cids", b -> withReceipt(b, at, r -> new HopReceipt(r.ticketHash(),
                    r.hopIndex(), r.peer(), r.prevReceiptHash(), r.dataCommitment(), Keccak.keccak256Utf8("c"))));
            tampers.put("receipt " + (i + 1) + " prev", b -> withReceipt(b, at, r -> new HopReceipt(r.ticketHash(),
                    r.hopIndex(), r.peer(), Keccak.keccak256Utf8("p"), r.dataCommitment(), r.cidsHash())));
            tampers.put("receipt " + (i + 1) + " sig", b -> {
                List<SignedReceipt> rs = new ArrayList<>(b.receipts());
                rs.set(at, new SignedReceipt(rs.get(at).receipt(), CLIENT.sign(rs.get(at).receipt().hash())));
                return new ProofBundle(b.ticket(), b.clientSignature(), rs, b.trace());
            });
            tampers.put("receipt " + (i + 1) + " high-s", b -> { // the same signer: (r, n - s) with the other v
                List<SignedReceipt> rs = new ArrayList<>(b.receipts());
                EcdsaSignature sig = rs.get(at).signature();
                rs.set(at, new SignedReceipt(rs.get(at).receipt(),
                        new EcdsaSignature(sig.r(), Secp256k1.N.subtract(sig.s()), 55 - sig.v())));
                return new ProofBundle(b.ticket(), b.clientSignature(), rs, b.trace());
            });
        }
        tampers.put("receipts truncated", b -> new ProofBundle(b.ticket(), b.clientSignature(),
                b.receipts().subList(0, b.receipts().size() - 1), b.trace()));
        tampers.put("trace hop signature", b -> {
            List<Hop> hops = new ArrayList<>(b.trace().hops());
            byte[] sig = hops.get(0).signature();
            sig[5] ^= 1;
            hops.set(0, hops.get(0).withSignature(sig));
            return new ProofBundle(b.ticket(), b.clientSignature(), b.receipts(),
                    new SignedTrace(b.trace().particle(), hops, b.trace().blobs()));
        });
        return tampers;
    }

    @Test
    void noSingleBitFlipOfTheEncodedBundleIsApproved() {
        byte[] honest = ProofBundleCodec.encode(HONEST);
        Random random = new Random(42);
        for (int i = 0; i < 120; i++) {
            byte[] b = honest.clone();
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            assertFalse(MEMBER.review(b, CHAIN).approved(), "flip " + i);
        }
    }

    @Test
    void refusesUnregisteredPeersAndUnseededEpochs() {
        ChainView noPeers = new ChainView() {
            public Eip712Domain domain() {
                return DOMAIN;
            }

            public Optional<Bytes32> epochSeed(long epoch) {
                return CHAIN.epochSeed(epoch);
            }

            public Target target(long epoch) {
                return TARGET;
            }

            public Optional<Long> peerIndexOf(PublicKey key) {
                return key.peerId().equals(firstPeer()) ? Optional.empty() : CHAIN.peerIndexOf(key);
            }

            public Optional<RegisteredPeer> peer(long index) {
                return CHAIN.peer(index);
            }
        };
        assertTrue(MEMBER.review(HONEST, noPeers).refusal().orElseThrow().startsWith("WrongPeer at hop 1"));
        ProofBundle otherEpoch = HONEST; // the ticket's epoch 0 is seeded; an unseeded chain view refuses it
        ChainView unseeded = new ChainView() {
            public Eip712Domain domain() {
                return DOMAIN;
            }

            public Optional<Bytes32> epochSeed(long epoch) {
                return Optional.empty();
            }

            public Target target(long epoch) {
                return TARGET;
            }

            public Optional<Long> peerIndexOf(PublicKey key) {
                return CHAIN.peerIndexOf(key);
            }

            public Optional<RegisteredPeer> peer(long index) {
                return CHAIN.peer(index);
            }
        };
        assertTrue(MEMBER.review(otherEpoch, unseeded).refusal().orElseThrow().startsWith("EpochNotSeeded"));
    }

    private static PeerId firstPeer() {
        try {
            return PeerId.parse(HONEST.trace().hops().get(0).peer());
        } catch (dev.aurum.aquavm.codec.DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static ProofBundle withTicket(ProofBundle b, ParticleTicket t) {
        return new ProofBundle(t, b.clientSignature(), b.receipts(), b.trace());
    }

    private static ProofBundle withReceipt(ProofBundle b, int at, UnaryOperator<HopReceipt> change) {
        List<SignedReceipt> rs = new ArrayList<>(b.receipts());
        SignedReceipt old = rs.get(at);
        HopReceipt changed = change.apply(old.receipt());
        // re-signed by the honest key of the peer it names, so only the content check can catch it
        ReceiptKey key = KEYS.get(changed.peer());
        rs.set(at, SignedReceipt.sign(DOMAIN, changed, key));
        return new ProofBundle(b.ticket(), b.clientSignature(), rs, b.trace());
    }
}
