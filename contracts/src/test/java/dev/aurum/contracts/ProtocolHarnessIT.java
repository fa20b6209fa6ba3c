package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.contracts.generated.test.ProtocolHarness;
import dev.aurum.proofs.protocol.Hex;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** Shared vectors, SHA-512 and RFC 8032 Ed25519 checked against the Solidity code on a real anvil. */
class ProtocolHarnessIT {
    private static AnvilNode anvil;
    private static Web3j web3j;
    private static ProtocolHarness harness;

    @BeforeAll
    static void deploy() throws Exception {
        anvil = AnvilNode.start();
        web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        Credentials deployer = Credentials.create(AnvilNode.DEV_KEY_0);
        var tm = new RawTransactionManager(web3j, deployer, AnvilNode.CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3j, 15, 4000));
        harness = ProtocolHarness.deploy(web3j, tm, new StaticGasProvider(BigInteger.valueOf(10_000_000_000L),
                BigInteger.valueOf(8_000_000))).send();
    }

    @AfterAll
    static void stop() throws Exception {
        GasReport.write();
        if (web3j != null) {
            web3j.shutdown();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    private static JsonNode vectors(String name) throws Exception {
        try (InputStream in = ProtocolHarnessIT.class.getClassLoader().getResourceAsStream("vectors/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] b(JsonNode n, String field) {
        return Hex.decode(n.get(field).asText());
    }

    private static BigInteger u(JsonNode n, String field) {
        return new BigInteger(n.get(field).asText());
    }

    private static String hex(byte[] bytes) {
        return "0x" + Hex.encode(bytes);
    }

    @Test
    void sharedVectorsAgreeByteForByte() throws Exception {
        JsonNode v = vectors("protocol-vectors.json");
        for (JsonNode d : v.get("domains")) {
            assertEquals(d.get("separator").asText(),
                    hex(harness.domainSeparator(u(d, "chainId"), d.get("verifyingContract").asText()).send()));
        }
        byte[] separator = b(v.get("domains").get(0), "separator");
        for (JsonNode t : v.get("tickets")) {
            assertEquals(t.get("hash").asText(), hex(harness.ticketHash(b(t, "particleHash"), t.get("client").asText(),
                    u(t, "faceValue"), u(t, "epoch"), u(t, "target"), u(t, "nonce")).send()));
            assertEquals(t.get("digest").asText(), hex(harness.digest(separator, b(t, "hash")).send()));
            checkSignature(t);
        }
        for (JsonNode r : v.get("receipts")) {
            assertEquals(r.get("hash").asText(), hex(harness.receiptHash(b(r, "ticketHash"), u(r, "hopIndex"),
                    u(r, "peer"), b(r, "prevReceiptHash"), b(r, "dataCommitment"), b(r, "cidsHash")).send()));
            checkSignature(r);
        }
        for (JsonNode g : v.get("golden")) {
            BigInteger onChain = harness.goldenHash(u(g, "chainId"), g.get("verifyingContract").asText(), u(g, "epoch"),
                    b(g, "seed"), b(g, "ticketHash"), b(g, "receiptK"), b(g, "receiptNext")).send();
            assertEquals(new BigInteger(1, b(g, "goldenHash")), onChain);
        }
        for (JsonNode c : v.get("claimIds")) {
            assertEquals(c.get("claimId").asText(), hex(harness.claimId(b(c, "ticketHash"), u(c, "hop")).send()));
        }
        for (JsonNode d : v.get("verdicts")) {
            assertEquals(d.get("hash").asText(), hex(harness.verdictHash(b(d, "claimId"), b(d, "moduleHash"),
                    d.get("valid").asBoolean()).send()));
            checkSignature(d);
        }
        for (JsonNode n : v.get("bindings")) {
            assertEquals(n.get("hash").asText(), hex(harness.bindingHash(b(n, "peerKey"), n.get("receiptKey").asText(),
                    n.get("payee").asText()).send()));
            checkSignature(n);
            assertTrue(harness.ed25519Verify(b(n, "peerKey"), b(n, "ed25519R"), b(n, "ed25519S"), b(n, "digest"))
                    .send().component1(), "binding Ed25519 signature verifies on-chain");
        }
    }

    private static void checkSignature(JsonNode n) throws Exception {
        assertEquals(n.get("signer").asText(), harness.recover(b(n, "digest"), b(n, "r"), b(n, "vs")).send().toLowerCase());
    }

    @Test
    void sha512MatchesBouncyCastleAcrossBlockBoundaries() throws Exception {
        for (int len : new int[] {0, 1, 3, 55, 96, 111, 112, 113, 127, 128, 129, 239, 240, 256, 1023}) {
            byte[] msg = new byte[len];
            for (int i = 0; i < len; i++) {
                msg[i] = (byte) (i * 31 + len);
            }
            SHA512Digest d = new SHA512Digest();
            d.update(msg, 0, len);
            byte[] expected = new byte[64];
            d.doFinal(expected, 0);
            var onChain = harness.sha512(msg).send();
            assertEquals(hex(expected), hex(onChain.component1()) + Hex.encode(onChain.component2()), "length " + len);
        }
    }

    @Test
    void ed25519AcceptsEveryRfc8032VectorAndRejectsTampering() throws Exception {
        for (JsonNode v : vectors("rfc8032-ed25519.json").get("vectors")) {
            byte[] pk = b(v, "publicKey");
            byte[] sig = b(v, "signature");
            byte[] msg = b(v, "message");
            byte[] r = Arrays.copyOfRange(sig, 0, 32);
            byte[] s = Arrays.copyOfRange(sig, 32, 64);
            var ok = harness.ed25519Verify(pk, r, s, msg).send();
            assertTrue(ok.component1(), v.get("name").asText());
            GasReport.record("Ed25519.verify in-EVM, RFC 8032 " + v.get("name").asText() + " (" + msg.length + " B message)",
                    ok.component2().longValueExact());

            byte[] tamperedMsg = msg.length == 0 ? new byte[] {0} : msg.clone();
            tamperedMsg[0] ^= 1;
            assertFalse(harness.ed25519Verify(pk, r, s, tamperedMsg).send().component1(), "tampered message");
            byte[] badR = r.clone();
            badR[5] ^= 0x10;
            assertFalse(harness.ed25519Verify(pk, badR, s, msg).send().component1(), "tampered R");
            byte[] badPk = pk.clone();
            badPk[0] ^= 1;
            assertFalse(harness.ed25519Verify(badPk, r, s, msg).send().component1(), "other public key");
            // RFC 8032 5.1.7: S + L encodes the same scalar but is non-canonical and must be rejected.
            BigInteger sInt = new BigInteger(1, reverse(s));
            BigInteger sPlusL = sInt.add(new BigInteger("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed", 16));
            byte[] nonCanonical = reverse(toBytes32(sPlusL));
            assertFalse(harness.ed25519Verify(pk, r, nonCanonical, msg).send().component1(), "S >= L");
        }
        // a public key whose y is not on the curve (non-residue): decoding fails
        byte[] offCurve = new byte[32];
        offCurve[0] = 2;
        assertFalse(harness.ed25519Verify(offCurve, new byte[32], new byte[32], new byte[0]).send().component1());
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
