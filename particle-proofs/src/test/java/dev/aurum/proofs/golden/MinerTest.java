package dev.aurum.proofs.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.protocol.ClaimPreflight;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.TraceCodec;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class MinerTest {

    private static final Target EASIEST = new Target(Target.MAX); // the largest target the registry accepts: about 1 hop in 16
    private static final MinedParticles.Mined FORK_JOIN = MinedParticles.run("fork-join", EASIEST);

    @Test
    void receiptsChainFromTheTicketAndAreSignedByEachHopsPeer() {
        List<SignedReceipt> receipts = FORK_JOIN.receipts();
        assertEquals(FORK_JOIN.trace().hops().size(), receipts.size());
        List<dev.aurum.proofs.protocol.HopReceipt> plain = receipts.stream().map(SignedReceipt::receipt).toList();
        assertEquals(0, ReceiptChain.firstBrokenHop(FORK_JOIN.ticket().hash(), plain));
        for (int i = 0; i < receipts.size(); i++) {
            var hop = FORK_JOIN.trace().hops().get(i);
            var r = receipts.get(i);
            assertEquals(FORK_JOIN.indexes().get(hop.peer()), r.receipt().peer());
            assertEquals(FORK_JOIN.keys().get(hop.peer()).address(),
                    Secp256k1.recover(MinedParticles.DOMAIN.digest(r.receipt().hash()), r.signature()));
            assertEquals(Keccak.keccak256(FORK_JOIN.trace().blob(hop.outData())), r.receipt().dataCommitment());
            assertEquals(Keccak.keccak256(HopCommitments.RECORD_TAG, HopChain.recordHash(hop).bytes()),
                    r.receipt().cidsHash());
        }
    }

    /** The miner's golden decision agrees with ClaimPreflight (an independent copy of the contract's checks). */
    @Test
    void goldenHopsAreExactlyThoseThePreflightAccepts() {
        List<SignedReceipt> receipts = FORK_JOIN.receipts();
        int golden = 0;
        int plain = 0;
        for (int s = 0; s < 24; s++) {
            MiningContext ctx = new MiningContext(MinedParticles.DOMAIN, 0, Keccak.keccak256Utf8("seed " + s), EASIEST);
            Miner miner = new Miner(ctx);
            List<Integer> goldenHops = miner.goldenHops(FORK_JOIN.ticket().hash(), receipts);
            List<ProofBundle> bundles = miner.mine(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), receipts);
            assertEquals(goldenHops, bundles.stream().map(ProofBundle::goldenHop).toList());
            for (int k = 1; k < receipts.size(); k++) {
                ProofBundle b = Miner.bundle(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), receipts, k);
                Optional<ClaimPreflight.Problem> problem = ClaimPreflight.firstProblem(b.claim(), ctx.domain(),
                        ctx.epochSeed(), FORK_JOIN.receiptKeyByIndex());
                if (goldenHops.contains(k)) {
                    assertTrue(problem.isEmpty(), "golden hop " + k + ": " + problem);
                    golden++;
                } else {
                    assertEquals("NotGolden", problem.orElseThrow().error());
                    plain++;
                }
            }
        }
        assertTrue(golden > 0 && plain > 0, golden + " golden, " + plain + " not");
    }

    @Test
    void bundleCarriesTheTracePrefixAndRoundTripsCanonically() throws DecodeException {
        List<SignedReceipt> receipts = FORK_JOIN.receipts();
        for (int k = 1; k < receipts.size(); k++) {
            ProofBundle b = Miner.bundle(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), receipts, k);
            assertEquals(k + 1, b.trace().hops().size());
            assertEquals(k + 1, b.receipts().size());
            assertEquals(k, b.goldenHop());
            byte[] encoded = ProofBundleCodec.encode(b);
            ProofBundle back = ProofBundleCodec.decode(encoded);
            assertArrayEquals(encoded, ProofBundleCodec.encode(back));
            assertEquals(b.ticket(), back.ticket());
            assertEquals(b.receipts(), back.receipts());
            assertEquals(b.claimId(), back.claimId());
            assertArrayEquals(TraceCodec.encode(b.trace()), TraceCodec.encode(back.trace()));
            // the prefix holds only the blobs its hops use, so it is itself a decodable canonical trace
            assertArrayEquals(TraceCodec.encode(b.trace()), TraceCodec.encode(TraceCodec.decode(TraceCodec.encode(b.trace()))));
        }
    }

    @Test
    void miningRefusesATicketOfAnotherEpochOrTarget() {
        List<SignedReceipt> receipts = FORK_JOIN.receipts();
        Miner other = new Miner(new MiningContext(MinedParticles.DOMAIN, 1, Bytes32.ZERO, EASIEST));
        assertThrows(IllegalArgumentException.class,
                () -> other.mine(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), receipts));
        Miner otherTarget = new Miner(new MiningContext(MinedParticles.DOMAIN, 0, Bytes32.ZERO, Target.oneIn(64)));
        assertThrows(IllegalArgumentException.class,
                () -> otherTarget.mine(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), receipts));
        assertThrows(IllegalArgumentException.class, () -> Miner.receipts(FORK_JOIN.ticket().hash(), FORK_JOIN.trace(),
                java.util.Map.of(), (p, r) -> null));
    }

    @Test
    void decoderNamesWhatIsWrong() {
        ProofBundle b = Miner.bundle(FORK_JOIN.ticket(), FORK_JOIN.clientSig(), FORK_JOIN.trace(), FORK_JOIN.receipts(), 1);
        byte[] encoded = ProofBundleCodec.encode(b);
        byte[] badVersion = encoded.clone();
        badVersion[3] = 0x02; // a5 61 76 01: {"v": 1} becomes {"v": 2}
        DecodeException e = assertThrows(DecodeException.class, () -> ProofBundleCodec.decode(badVersion));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        byte[] badV = encoded.clone();
        badV[badV.length - 1] = 29; // clientSig's v is the last byte
        e = assertThrows(DecodeException.class, () -> ProofBundleCodec.decode(badV));
        assertTrue(e.getMessage().contains("clientSig"), e.getMessage());
        assertThrows(DecodeException.class, () -> ProofBundleCodec.decode(new byte[0]));
        assertThrows(DecodeException.class, () -> ProofBundleCodec.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)));
    }
}
