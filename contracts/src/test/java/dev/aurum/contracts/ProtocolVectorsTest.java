package dev.aurum.contracts;

import static dev.aurum.contracts.SharedProtocolVectors.bytes;
import static dev.aurum.contracts.SharedProtocolVectors.lines;
import static dev.aurum.contracts.SharedProtocolVectors.signature;
import static dev.aurum.contracts.SharedProtocolVectors.text;
import static dev.aurum.contracts.SharedProtocolVectors.uint;
import static dev.aurum.contracts.SharedProtocolVectors.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.Hex;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.protocol.Uint256;
import dev.aurum.proofs.protocol.Verdict;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the shared protocol vectors: every committed line is recomputed field by field with the
 * protocol code of particle-proofs (the Solidity side is {@link ProtocolHarnessIT}). Byte-for-byte
 * regeneration of the files is {@code ReproduceTest} in test-vectors.
 */
class ProtocolVectorsTest {

    private static Eip712Domain domain(JsonNode n) {
        return Eip712Domain.golden(uint(n, "chain_id").longValueExact(), EvmAddress.fromHex(text(n, "verifying_contract")));
    }

    private static void assertSigned(JsonNode n, Bytes32 structHash) {
        Bytes32 separator = word(n, "separator");
        assertEquals(text(n, "digest"), Keccak.keccak256(new byte[] {0x19, 0x01}, separator.toArray(), structHash.toArray())
                .toHexString(), "EIP-712 digest");
        assertEquals(text(n, "signer"), Secp256k1.recover(word(n, "digest"), signature(n)).toHex(), "recovered signer");
    }

    @Test
    void domainsAndParticleHeaders() {
        List<JsonNode> domains = lines("eip712-domains.jsonl");
        assertEquals(3, domains.size());
        for (JsonNode d : domains) {
            assertEquals(text(d, "separator"), domain(d).separator().toHexString());
        }
        for (JsonNode h : lines("particle-headers.jsonl")) {
            ParticleHeader header = new ParticleHeader(text(h, "id"), Long.parseUnsignedLong(text(h, "timestamp_ms")),
                    h.get("ttl_ms").asLong(), text(h, "script"));
            assertEquals(text(h, "particle_hash"), header.particleHash().toHexString());
        }
    }

    @Test
    void ticketsReceiptsAndGoldenHashes() {
        for (JsonNode t : lines("tickets.jsonl")) {
            ParticleTicket ticket = new ParticleTicket(word(t, "particle_hash"), EvmAddress.fromHex(text(t, "client")),
                    uint(t, "face_value"), t.get("epoch").asLong(), new Target(uint(t, "target")),
                    Long.parseUnsignedLong(text(t, "nonce")));
            assertEquals(text(t, "hash"), ticket.hash().toHexString());
            assertSigned(t, ticket.hash());
            assertEquals(text(t, "client"), text(t, "signer"), "the client signs its ticket");
        }
        for (JsonNode r : lines("receipts.jsonl")) {
            HopReceipt receipt = new HopReceipt(word(r, "ticket_hash"), r.get("hop_index").asInt(), r.get("peer").asLong(),
                    word(r, "prev_receipt_hash"), word(r, "data_commitment"), word(r, "cids_hash"));
            assertEquals(text(r, "hash"), receipt.hash().toHexString());
            assertSigned(r, receipt.hash());
        }
        for (JsonNode g : lines("golden-hashes.jsonl")) {
            BigInteger golden = GoldenCondition.goldenHash(domain(g), g.get("epoch").asLong(), word(g, "seed"),
                    word(g, "ticket_hash"), word(g, "receipt_k"), word(g, "receipt_next"));
            assertEquals(text(g, "golden_hash"), Uint256.toWord(golden).toHexString());
        }
        for (JsonNode c : lines("claim-ids.jsonl")) {
            assertEquals(text(c, "claim_id"), ClaimId.of(word(c, "ticket_hash"), c.get("hop").asInt()).value().toHexString());
        }
    }

    @Test
    void verdictsAndPeerBindings() {
        for (JsonNode v : lines("verdicts.jsonl")) {
            Verdict verdict = new Verdict(word(v, "claim_id"), word(v, "module_hash"), v.get("valid").asBoolean());
            assertEquals(text(v, "hash"), verdict.hash().toHexString());
            assertSigned(v, verdict.hash());
        }
        for (JsonNode b : lines("peer-bindings.jsonl")) {
            assertSigned(b, word(b, "hash"));
            assertEquals(text(b, "receipt_key"), text(b, "signer"), "the receipt key consents to the binding");
        }
    }

    /** Each calldata vector starts with the selector of the registry function of that name in the compiled ABI. */
    @Test
    void calldataSelectorsAreTheRegistryAbis() throws Exception {
        JsonNode abi = new ObjectMapper().readTree(Files.readString(Path.of(System.getProperty("contracts.basedir", "."),
                "target/solidity/GoldenRegistry.abi"), StandardCharsets.UTF_8));
        List<String> functions = new ArrayList<>();
        for (JsonNode c : lines("calldata.jsonl")) {
            String name = text(c, "function");
            String signature = signatureOf(abi, name);
            String selector = Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)).toHexString().substring(0, 10);
            assertTrue(text(c, "calldata").startsWith(selector), c.get("name") + " calls " + signature);
            assertEquals(0, (bytes(c, "calldata").length - 4) % 32, "ABI encoding is whole words");
            functions.add(name);
        }
        assertEquals(List.of("submitClaim", "submitClaim", "submitClaims", "attest", "attest", "finalize"), functions);
    }

    static String signatureOf(JsonNode abi, String name) {
        for (JsonNode f : abi) {
            if ("function".equals(f.path("type").asText()) && name.equals(f.path("name").asText())) {
                return name + "(" + types(f.get("inputs")) + ")";
            }
        }
        throw new IllegalStateException("GoldenRegistry has no function " + name);
    }

    private static String types(JsonNode params) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : params) {
            String type = p.get("type").asText();
            out.add(type.startsWith("tuple") ? "(" + types(p.get("components")) + ")" + type.substring(5) : type);
        }
        return String.join(",", out);
    }

    @Test
    void sharedFilesAreFoundAndHexIsCanonical() {
        for (JsonNode c : lines("calldata.jsonl")) {
            assertEquals(text(c, "calldata"), "0x" + Hex.encode(bytes(c, "calldata")), "lower-case 0x hex");
        }
    }
}
