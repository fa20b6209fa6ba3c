package dev.aurum.proofs.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ProtocolHashingTest {
    private static final Eip712Domain DOMAIN =
            Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));

    @Test
    void keccakKnownAnswers() {
        assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Keccak.keccak256().toHexString());
        assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                Keccak.keccak256Utf8("abc").toHexString());
    }

    @Test
    void eip712DomainSeparatorMatchesTheSpecExample() {
        // EIP-712's "Ether Mail" example domain; the expected value is printed in the EIP's reference script.
        Eip712Domain mail = new Eip712Domain("Ether Mail", "1", BigInteger.ONE,
                EvmAddress.fromHex("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));
        assertEquals("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f",
                mail.separator().toHexString());
    }

    @Test
    void receiptKeyAddressMatchesTheWellKnownAnvilAccount() {
        ReceiptKey key = ReceiptKey.fromSecret(Bytes32.fromHexString(
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", key.address().toHex());
    }

    @Test
    void signaturesAreDeterministicLowSAndRecoverToTheSigner() {
        ReceiptKey key = ReceiptKey.deriveForTesting("peer-1");
        for (int i = 0; i < 20; i++) {
            Bytes32 digest = Keccak.keccak256Utf8("message " + i);
            EcdsaSignature sig = key.sign(digest);
            assertEquals(sig, key.sign(digest));
            assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0);
            assertEquals(key.address(), Secp256k1.recover(digest, sig));
            assertEquals(sig, EcdsaSignature.fromBytes65(sig.toBytes65()));
            EcdsaSignature flipped = new EcdsaSignature(sig.r(), sig.s(), sig.v() == 27 ? 28 : 27);
            assertNotEquals(key.address(), Secp256k1.recover(digest, flipped));
        }
        assertNull(Secp256k1.recover(Bytes32.ZERO, new EcdsaSignature(BigInteger.ZERO, BigInteger.ONE, 27)));
    }

    @Test
    void compactVsCarriesTheParity() {
        ReceiptKey key = ReceiptKey.deriveForTesting("client");
        boolean saw27 = false;
        boolean saw28 = false;
        for (int i = 0; i < 16; i++) {
            EcdsaSignature sig = key.sign(Keccak.keccak256Utf8("vs " + i));
            BigInteger vs = Uint256.fromWord(sig.vs());
            assertEquals(sig.v() == 28, vs.testBit(255));
            assertEquals(sig.s(), vs.clearBit(255));
            saw27 |= sig.v() == 27;
            saw28 |= sig.v() == 28;
        }
        assertTrue(saw27 && saw28, "both parities occur in 16 signatures");
    }

    @Test
    void ed25519PublicKeyMatchesRfc8032Test1AndSignaturesVerify() {
        dev.aurum.aquavm.crypto.KeyPair key = dev.aurum.aquavm.crypto.KeyPair.fromSeed(Bytes32.fromHexString(
                "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").toArray());
        PeerBinding binding = PeerBinding.of(key, ReceiptKey.deriveForTesting("r").address(),
                ReceiptKey.deriveForTesting("p").address());
        assertEquals("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                binding.peerKeyWord().toHexString());
        dev.aurum.aquavm.crypto.Signature sig = binding.sign(DOMAIN, key);
        assertTrue(binding.verify(DOMAIN, sig));
        assertTrue(key.publicKey().verify(DOMAIN.digest(binding.hash()).toArray(), sig));
        assertFalse(key.publicKey().verify(DOMAIN.digest(Keccak.keccak256Utf8("other")).toArray(), sig));
        PeerBinding other = PeerBinding.of(dev.aurum.aquavm.crypto.KeyPair.forTestName("other"),
                binding.receiptKey(), binding.payee());
        assertFalse(other.verify(DOMAIN, sig));
        assertThrows(IllegalArgumentException.class, () -> other.sign(DOMAIN, key));
    }

    @Test
    void particleHeaderSignedBytesLayout() {
        ParticleHeader header = new ParticleHeader("id", 0x0102030405060708L, 0x0A0B0C0DL, "s");
        assertEquals("6964" + "0807060504030201" + "0d0c0b0a" + "73", Hex.encode(header.signedBytes()));
        assertEquals(Keccak.keccak256(header.signedBytes()), header.particleHash());
    }

    @Test
    void structHashesChangeWithEveryField() {
        ParticleTicket base = ticket(BigInteger.TEN, 3, 7);
        assertNotEquals(base.hash(), ticket(BigInteger.valueOf(11), 3, 7).hash());
        assertNotEquals(base.hash(), ticket(BigInteger.TEN, 4, 7).hash());
        assertNotEquals(base.hash(), ticket(BigInteger.TEN, 3, 8).hash());
        Verdict yes = new Verdict(new ClaimId(Bytes32.ZERO).value(), Bytes32.ZERO, true);
        Verdict no = new Verdict(Bytes32.ZERO, Bytes32.ZERO, false);
        assertNotEquals(yes.hash(), no.hash());
        assertNotEquals(DOMAIN.digest(base.hash()),
                Eip712Domain.golden(1, DOMAIN.verifyingContract()).digest(base.hash()));
    }

    @Test
    void receiptChainLinksAndDetectsBreaks() {
        Bytes32 ticketHash = ticket(BigInteger.TEN, 0, 0).hash();
        List<HopReceipt> chain = ReceiptChain.link(ticketHash, List.of(
                hop(1), hop(2), hop(3)));
        assertEquals(0, ReceiptChain.firstBrokenHop(ticketHash, chain));
        assertEquals(ticketHash, chain.get(0).prevReceiptHash());
        assertEquals(chain.get(1).hash(), chain.get(2).prevReceiptHash());
        HopReceipt bad = new HopReceipt(ticketHash, 2, 2, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
        assertEquals(2, ReceiptChain.firstBrokenHop(ticketHash, List.of(chain.get(0), bad, chain.get(2))));
        assertEquals(1, ReceiptChain.firstBrokenHop(Bytes32.ZERO, chain));
    }

    @Test
    void goldenConditionIsStrict() {
        Bytes32 seed = Keccak.keccak256Utf8("seed");
        Bytes32 a = Keccak.keccak256Utf8("a");
        Bytes32 b = Keccak.keccak256Utf8("b");
        Bytes32 c = Keccak.keccak256Utf8("c");
        BigInteger g = GoldenCondition.goldenHash(DOMAIN, 5, seed, a, b, c);
        assertFalse(GoldenCondition.isGolden(DOMAIN, 5, seed, new Target(g.min(Target.MAX)), a, b, c)
                && g.compareTo(Target.MAX) <= 0);
        if (g.compareTo(Target.MAX) < 0) {
            assertTrue(GoldenCondition.isGolden(DOMAIN, 5, seed, new Target(g.add(BigInteger.ONE)), a, b, c));
        }
        assertNotEquals(g, GoldenCondition.goldenHash(DOMAIN, 6, seed, a, b, c));
        assertNotEquals(g, GoldenCondition.goldenHash(DOMAIN, 5, seed, a, c, b));
    }

    @Test
    void targetsRejectZeroAndOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Target(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Target(Target.MAX.add(BigInteger.ONE)));
        assertEquals(Target.MAX, Target.oneIn(1).value());
        assertEquals(BigInteger.ONE.shiftLeft(251), Target.oneIn(32).value());
    }

    @Test
    void retargetClampsAndAimsAtTheRate() {
        Target t = new Target(BigInteger.valueOf(1_000_000));
        assertEquals(BigInteger.valueOf(4_000_000), Retarget.next(t, 0, 10).value());
        assertEquals(BigInteger.valueOf(4_000_000), Retarget.next(t, 1, 10).value());
        assertEquals(BigInteger.valueOf(250_000), Retarget.next(t, 1000, 10).value());
        assertEquals(BigInteger.valueOf(500_000), Retarget.next(t, 20, 10).value());
        assertEquals(BigInteger.valueOf(1_000_000), Retarget.next(t, 10, 10).value());
        assertEquals(Target.MAX, Retarget.next(new Target(Target.MAX), 0, 10).value());
        assertEquals(BigInteger.ONE, Retarget.next(new Target(BigInteger.ONE), 100, 1).value());
    }

    @Test
    void rewardSplitPaysEveryHopAndConservesValue() {
        RewardSplit.Payout p = RewardSplit.split(BigInteger.valueOf(1003), BigInteger.valueOf(100), 4);
        assertEquals(List.of(BigInteger.valueOf(225), BigInteger.valueOf(225), BigInteger.valueOf(225),
                BigInteger.valueOf(228)), p.hopShares());
        assertEquals(BigInteger.valueOf(1003), p.total());
        assertEquals(BigInteger.valueOf(50), RewardSplit.refund(BigInteger.valueOf(1000), 4,
                BigInteger.valueOf(10_000), BigInteger.valueOf(100)));
        assertEquals(BigInteger.valueOf(135_000), RewardSplit.refund(BigInteger.ONE, 4,
                BigInteger.valueOf(1_000_000), BigInteger.valueOf(1_000_000)));
        assertThrows(IllegalArgumentException.class, () -> RewardSplit.split(BigInteger.ONE, BigInteger.TWO, 1));
    }

    @Test
    void claimIdDependsOnTicketAndHop() {
        Bytes32 t = Keccak.keccak256Utf8("t");
        assertNotEquals(ClaimId.of(t, 1), ClaimId.of(t, 2));
        assertArrayEquals(Keccak.keccak256(t.toArray(), Uint256.toWord(BigInteger.valueOf(3)).toArray()).toArray(),
                ClaimId.of(t, 3).value().toArray());
    }

    private static ReceiptChain.HopData hop(long peer) {
        return new ReceiptChain.HopData(peer, Keccak.keccak256Utf8("data" + peer), Keccak.keccak256Utf8("cids" + peer));
    }

    private static ParticleTicket ticket(BigInteger face, long epoch, long nonce) {
        return new ParticleTicket(Keccak.keccak256Utf8("particle"), ReceiptKey.deriveForTesting("client").address(),
                face, epoch, Target.oneIn(4), nonce);
    }
}
