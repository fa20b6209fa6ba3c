package dev.aurum.proofs.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ClaimPreflightTest {
    private static final Eip712Domain DOMAIN =
            Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    private static final Bytes32 SEED = Keccak.keccak256Utf8("seed");
    private static final Target TARGET = new Target(Target.MAX);
    private static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("preflight/client");
    private static final Map<Long, ReceiptKey> KEYS = new TreeMap<>();
    private static final Map<Long, EvmAddress> ADDRESSES = new TreeMap<>();

    static {
        for (long i = 1; i <= 4; i++) {
            ReceiptKey key = ReceiptKey.deriveForTesting("preflight/peer/" + i);
            KEYS.put(i, key);
            ADDRESSES.put(i, key.address());
        }
    }

    private static GoldenClaim claim(boolean golden) {
        for (long nonce = 0; ; nonce++) {
            ParticleTicket ticket = new ParticleTicket(Keccak.keccak256Utf8("p"), CLIENT.address(), BigInteger.TEN, 0,
                    TARGET, nonce);
            List<ReceiptChain.HopData> hops = new ArrayList<>();
            for (long i = 1; i <= 4; i++) {
                hops.add(new ReceiptChain.HopData(i, Keccak.keccak256Utf8("d" + i), Keccak.keccak256Utf8("c" + i)));
            }
            List<HopReceipt> chain = ReceiptChain.link(ticket.hash(), hops);
            if (GoldenCondition.isGolden(DOMAIN, 0, SEED, TARGET, ticket.hash(), chain.get(2).hash(), chain.get(3).hash())
                    == golden) {
                List<SignedReceipt> signed = new ArrayList<>();
                for (HopReceipt r : chain) {
                    signed.add(SignedReceipt.sign(DOMAIN, r, KEYS.get(r.peer())));
                }
                return new GoldenClaim(ticket, CLIENT.sign(DOMAIN.digest(ticket.hash())), signed);
            }
        }
    }

    private static String problem(GoldenClaim claim) {
        return ClaimPreflight.firstProblem(claim, DOMAIN, SEED, ADDRESSES).map(p -> p.error() + "@" + p.hop()).orElse("ok");
    }

    @Test
    void acceptsAGoldenClaimAndNamesEachDefect() {
        GoldenClaim good = claim(true);
        assertEquals("ok", problem(good));
        assertEquals(3, good.goldenHop());
        assertEquals("NotGolden@3", problem(claim(false)));

        GoldenClaim forgedClient = new GoldenClaim(good.ticket(),
                ReceiptKey.deriveForTesting("mallory").sign(DOMAIN.digest(good.ticket().hash())), good.receipts());
        assertEquals("BadClientSignature@0", problem(forgedClient));

        List<SignedReceipt> receipts = new ArrayList<>(good.receipts());
        receipts.set(1, SignedReceipt.sign(DOMAIN, receipts.get(1).receipt(), KEYS.get(4L)));
        assertEquals("BadReceiptSignature@2", problem(new GoldenClaim(good.ticket(), good.clientSignature(), receipts)));

        receipts = new ArrayList<>(good.receipts());
        HopReceipt r = receipts.get(2).receipt();
        receipts.set(2, SignedReceipt.sign(DOMAIN, new HopReceipt(r.ticketHash(), 3, r.peer(), Bytes32.ZERO,
                r.dataCommitment(), r.cidsHash()), KEYS.get(3L)));
        assertEquals("BrokenReceiptChain@3", problem(new GoldenClaim(good.ticket(), good.clientSignature(), receipts)));

        Map<Long, EvmAddress> missing = new TreeMap<>(ADDRESSES);
        missing.remove(2L);
        Optional<ClaimPreflight.Problem> unknown = ClaimPreflight.firstProblem(good, DOMAIN, SEED, missing);
        assertTrue(unknown.isPresent());
        assertEquals("UnknownPeer", unknown.get().error());

        Eip712Domain otherChain = Eip712Domain.golden(1, DOMAIN.verifyingContract());
        assertEquals("BadClientSignature",
                ClaimPreflight.firstProblem(good, otherChain, SEED, ADDRESSES).orElseThrow().error());
    }
}
