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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** Shared protocol and calldata vectors, SHA-512 and RFC 8032 Ed25519 checked against the Solidity code on a real anvil. */
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

    /** Every line of the shared protocol vectors (test-vectors, set {@code protocol}) recomputed by the Solidity code. */
    @Test
    void sharedVectorsAgreeByteForByte() throws Exception {
        for (JsonNode d : SharedProtocolVectors.lines("eip712-domains.jsonl")) {
            assertEquals(d.get("separator").asText(),
                    hex(harness.domainSeparator(u(d, "chain_id"), d.get("verifying_contract").asText()).send()));
        }
        for (JsonNode t : SharedProtocolVectors.lines("tickets.jsonl")) {
            assertEquals(t.get("hash").asText(), hex(harness.ticketHash(b(t, "particle_hash"), t.get("client").asText(),
                    u(t, "face_value"), u(t, "epoch"), u(t, "target"), u(t, "nonce")).send()));
            checkSignature(t);
        }
        for (JsonNode r : SharedProtocolVectors.lines("receipts.jsonl")) {
            assertEquals(r.get("hash").asText(), hex(harness.receiptHash(b(r, "ticket_hash"), u(r, "hop_index"),
                    u(r, "peer"), b(r, "prev_receipt_hash"), b(r, "data_commitment"), b(r, "cids_hash")).send()));
            checkSignature(r);
        }
        for (JsonNode g : SharedProtocolVectors.lines("golden-hashes.jsonl")) {
            BigInteger onChain = harness.goldenHash(u(g, "chain_id"), g.get("verifying_contract").asText(), u(g, "epoch"),
                    b(g, "seed"), b(g, "ticket_hash"), b(g, "receipt_k"), b(g, "receipt_next")).send();
            assertEquals(new BigInteger(1, b(g, "golden_hash")), onChain);
        }
        for (JsonNode c : SharedProtocolVectors.lines("claim-ids.jsonl")) {
            assertEquals(c.get("claim_id").asText(), hex(harness.claimId(b(c, "ticket_hash"), u(c, "hop")).send()));
        }
        for (JsonNode d : SharedProtocolVectors.lines("verdicts.jsonl")) {
            assertEquals(d.get("hash").asText(), hex(harness.verdictHash(b(d, "claim_id"), b(d, "module_hash"),
                    d.get("valid").asBoolean()).send()));
            checkSignature(d);
        }
        for (JsonNode n : SharedProtocolVectors.lines("peer-bindings.jsonl")) {
            assertEquals(n.get("hash").asText(), hex(harness.bindingHash(b(n, "peer_key"), n.get("receipt_key").asText(),
                    n.get("payee").asText()).send()));
            checkSignature(n);
            assertTrue(harness.ed25519Verify(b(n, "peer_key"), b(n, "ed25519_r"), b(n, "ed25519_s"), b(n, "digest"))
                    .send().component1(), "binding Ed25519 signature verifies on-chain");
        }
    }

    /**
     * The shared calldata vectors, sent byte for byte to the harness's entry points with GoldenRegistry's selectors
     * (eth_call): the contract's ABI decoder and hashing must give the vectors' expected values.
     */
    @Test
    void calldataVectorsDecodeOnChain() throws Exception {
        int checked = 0;
        for (JsonNode c : SharedProtocolVectors.lines("calldata.jsonl")) {
            setCalldataDomain(b(c, "separator"));
            String name = c.get("name").asText();
            JsonNode expect = c.get("expect");
            switch (c.get("function").asText()) {
                case "submitClaim" -> {
                    List<Type> out = call(c, List.of(new TypeReference<Bytes32>() {}, new TypeReference<Address>() {},
                            new TypeReference<Bytes32>() {}, new TypeReference<DynamicArray<Bytes32>>() {},
                            new TypeReference<DynamicArray<Address>>() {}, new TypeReference<DynamicArray<Uint32>>() {}));
                    assertEquals(expect.get("ticket_hash").asText(), word(out.get(0)), name);
                    assertEquals(expect.get("client").asText(), out.get(1).toString(), name);
                    assertEquals(expect.get("claim_id").asText(), word(out.get(2)), name);
                    assertEquals(texts(expect.get("receipt_hashes")), words(out.get(3)), name);
                    assertEquals(texts(expect.get("receipt_signers")), strings(out.get(4)), name);
                    assertEquals(texts(expect.get("peers")), strings(out.get(5)), name);
                }
                case "submitClaims" -> {
                    List<Type> out = call(c, List.of(new TypeReference<DynamicArray<Bytes32>>() {},
                            new TypeReference<DynamicArray<Bytes32>>() {}));
                    List<String> tickets = new ArrayList<>();
                    List<String> claims = new ArrayList<>();
                    for (JsonNode claim : expect.get("claims")) {
                        tickets.add(claim.get("ticket_hash").asText());
                        claims.add(claim.get("claim_id").asText());
                    }
                    assertEquals(tickets, words(out.get(0)), name);
                    assertEquals(claims, words(out.get(1)), name);
                }
                case "attest" -> {
                    List<Type> out = call(c, List.of(new TypeReference<Bytes32>() {}, new TypeReference<Address>() {}));
                    assertEquals(expect.get("verdict_hash").asText(), word(out.get(0)), name);
                    assertEquals(expect.get("signer").asText(), out.get(1).toString(), name);
                }
                case "finalize" -> {
                    List<Type> out = call(c, List.of(new TypeReference<Bytes32>() {}, new TypeReference<Bytes32>() {}));
                    assertEquals(expect.get("claim_id").asText(), word(out.get(0)), name);
                    assertEquals(expect.get("payout_commitment").asText(), word(out.get(1)), name);
                }
                default -> throw new AssertionError("unknown function in " + name);
            }
            checked++;
        }
        assertEquals(6, checked);
    }

    private static void setCalldataDomain(byte[] separator) throws Exception {
        if (!Arrays.equals(separator, harness.calldataDomain().send())) {
            harness.setCalldataDomain(separator).send();
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Type> call(JsonNode vector, List<TypeReference<?>> returns) throws Exception {
        EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(
                Credentials.create(AnvilNode.DEV_KEY_0).getAddress(), harness.getContractAddress(),
                vector.get("calldata").asText()), DefaultBlockParameterName.LATEST).send();
        if (result.hasError() || result.isReverted()) {
            throw new AssertionError(vector.get("name").asText() + " reverted: "
                    + (result.hasError() ? result.getError().getMessage() : result.getRevertReason()));
        }
        List<TypeReference<Type>> refs = new ArrayList<>();
        for (TypeReference<?> r : returns) {
            refs.add((TypeReference<Type>) (TypeReference) r);
        }
        return FunctionReturnDecoder.decode(result.getValue(), refs);
    }

    private static String word(Type<?> t) {
        return hex((byte[]) t.getValue());
    }

    private static List<String> words(Type<?> array) {
        List<String> out = new ArrayList<>();
        for (Object e : ((DynamicArray<?>) array).getValue()) {
            out.add(word((Type<?>) e));
        }
        return out;
    }

    private static List<String> strings(Type<?> array) {
        List<String> out = new ArrayList<>();
        for (Object e : ((DynamicArray<?>) array).getValue()) {
            Object v = ((Type<?>) e).getValue();
            out.add(v instanceof BigInteger n ? n.toString() : ((Type<?>) e).toString());
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array) {
            out.add(e.asText());
        }
        return out;
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
