package dev.aurum.vectors.sets;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.contracts.ClaimPayout;
import dev.aurum.contracts.GoldenCalldata;
import dev.aurum.contracts.PeerIndex;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.GoldenCondition;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.PeerBinding;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.protocol.Uint256;
import dev.aurum.proofs.protocol.Verdict;
import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import org.apache.tuweni.bytes.Bytes32;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code protocol/*.jsonl}: the Java ↔ Solidity agreement vectors of the golden-particle protocol
 * (EIP-712 domains and struct hashes, digests, ECDSA and Ed25519 signatures, golden hashes, claim ids)
 * and the registry's ABI-encoded calldata for fixed claims, verdicts and payouts. No clock, no
 * randomness: every key and value derives from a fixed label. The contract tests in {@code contracts}
 * read these same committed files (Java side in the unit test, the Solidity side on anvil). Field
 * meanings are in {@code docs/formats.md}, "Protocol vectors".
 */
public final class ProtocolVectors implements VectorSet {

    public static final String DIRECTORY = "protocol/";

    @Override
    public String name() {
        return "protocol";
    }

    @Override
    public String description() {
        return "protocol vectors shared with the Solidity tests: EIP-712 hashes, signatures, golden hashes, calldata";
    }

    /** The domains of the hashing vectors; the first one signs every signed vector. */
    static List<Eip712Domain> domains() {
        return List.of(
                Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3")),
                Eip712Domain.golden(1, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3")),
                Eip712Domain.golden(42161, EvmAddress.fromHex("0x00000000000000000000000000000000deadbeef")));
    }

    @Override
    public SortedMap<String, byte[]> generate(VectorContext context) {
        Eip712Domain domain = domains().get(0);
        String separator = domain.separator().toHexString();
        TreeMap<String, byte[]> files = new TreeMap<>();

        JsonLines domainLines = new JsonLines();
        for (Eip712Domain d : domains()) {
            domainLines.line("name", d.name(), "version", d.version(), "chain_id", d.chainId().toString(),
                    "verifying_contract", d.verifyingContract().toHex(), "separator", d.separator().toHexString());
        }
        files.put(DIRECTORY + "eip712-domains.jsonl", domainLines.bytes());

        List<ParticleHeader> headers = List.of(
                new ParticleHeader("", 0, 0, ""),
                new ParticleHeader("1e5c9b4e-particle", 1_700_000_000_123L, 60_000, "(call %init_peer_id% (\"svc\" \"f\") [])"),
                new ParticleHeader("ünïcode-id", Long.MAX_VALUE, 0xFFFF_FFFFL, "(seq (null) (null))"));
        JsonLines headerLines = new JsonLines();
        for (ParticleHeader h : headers) {
            headerLines.line("id", h.id(), "timestamp_ms", Long.toUnsignedString(h.timestampMs()), "ttl_ms", h.ttlMs(),
                    "script", h.script(), "particle_hash", h.particleHash().toHexString());
        }
        files.put(DIRECTORY + "particle-headers.jsonl", headerLines.bytes());

        ReceiptKey client = ReceiptKey.deriveForTesting("vectors/client");
        List<ParticleTicket> tickets = new ArrayList<>();
        List<EcdsaSignature> ticketSignatures = new ArrayList<>();
        JsonLines ticketLines = new JsonLines();
        for (int i = 0; i < 3; i++) {
            ParticleTicket t = new ParticleTicket(headers.get(i).particleHash(), client.address(),
                    BigInteger.TEN.pow(15 + i).add(BigInteger.valueOf(i)), i * 7L,
                    i == 2 ? new Target(Target.MAX) : Target.oneIn(3 + i), i == 1 ? Long.MAX_VALUE : i);
            Bytes32 digest = domain.digest(t.hash());
            EcdsaSignature sig = client.sign(digest);
            tickets.add(t);
            ticketSignatures.add(sig);
            ticketLines.line(signed(sig, client.address(), separator, digest, "particle_hash",
                    t.particleHash().toHexString(), "client", t.client().toHex(), "face_value", t.faceValue().toString(),
                    "epoch", t.epoch(), "target", t.target().value().toString(), "nonce", Long.toUnsignedString(t.nonce()),
                    "hash", t.hash().toHexString()));
        }
        files.put(DIRECTORY + "tickets.jsonl", ticketLines.bytes());

        ParticleTicket ticket = tickets.get(1);
        List<SignedReceipt> chain = signedChain(domain, ticket.hash(), 4, "vectors/data/", "vectors/cids/");
        JsonLines receiptLines = new JsonLines();
        for (int i = 0; i < chain.size(); i++) {
            HopReceipt r = chain.get(i).receipt();
            Bytes32 digest = domain.digest(r.hash());
            receiptLines.line(signed(chain.get(i).signature(), peerKey(i + 1).address(), separator, digest,
                    "ticket_hash", r.ticketHash().toHexString(), "hop_index", r.hopIndex(), "peer", r.peer(),
                    "prev_receipt_hash", r.prevReceiptHash().toHexString(),
                    "data_commitment", r.dataCommitment().toHexString(), "cids_hash", r.cidsHash().toHexString(),
                    "hash", r.hash().toHexString()));
        }
        files.put(DIRECTORY + "receipts.jsonl", receiptLines.bytes());

        Bytes32 seed = Keccak.keccak256Utf8("vectors/seed");
        JsonLines goldenLines = new JsonLines();
        for (Eip712Domain d : domains()) {
            for (int k = 1; k < chain.size(); k++) {
                Bytes32 receiptK = chain.get(k - 1).receipt().hash();
                Bytes32 receiptNext = chain.get(k).receipt().hash();
                BigInteger golden = GoldenCondition.goldenHash(d, ticket.epoch(), seed, ticket.hash(), receiptK, receiptNext);
                goldenLines.line("chain_id", d.chainId().toString(), "verifying_contract", d.verifyingContract().toHex(),
                        "epoch", ticket.epoch(), "seed", seed.toHexString(), "ticket_hash", ticket.hash().toHexString(),
                        "receipt_k", receiptK.toHexString(), "receipt_next", receiptNext.toHexString(),
                        "golden_hash", Uint256.toWord(golden).toHexString());
            }
        }
        files.put(DIRECTORY + "golden-hashes.jsonl", goldenLines.bytes());

        JsonLines claimIdLines = new JsonLines();
        for (int hop : new int[] {1, 3, 63}) {
            claimIdLines.line("ticket_hash", ticket.hash().toHexString(), "hop", hop,
                    "claim_id", ClaimId.of(ticket.hash(), hop).value().toHexString());
        }
        files.put(DIRECTORY + "claim-ids.jsonl", claimIdLines.bytes());

        ReceiptKey verifier = ReceiptKey.deriveForTesting("vectors/verifier");
        List<Verdict> verdicts = new ArrayList<>();
        List<EcdsaSignature> verdictSignatures = new ArrayList<>();
        JsonLines verdictLines = new JsonLines();
        for (boolean valid : new boolean[] {true, false}) {
            Verdict v = new Verdict(ClaimId.of(ticket.hash(), 3).value(), Keccak.keccak256Utf8("vectors/module"), valid);
            Bytes32 digest = domain.digest(v.hash());
            EcdsaSignature sig = verifier.sign(digest);
            verdicts.add(v);
            verdictSignatures.add(sig);
            verdictLines.line(signed(sig, verifier.address(), separator, digest, "claim_id", v.claimId().toHexString(),
                    "module_hash", v.moduleHash().toHexString(), "valid", v.valid(), "hash", v.hash().toHexString()));
        }
        files.put(DIRECTORY + "verdicts.jsonl", verdictLines.bytes());

        JsonLines bindingLines = new JsonLines();
        for (int i = 1; i <= 2; i++) {
            KeyPair identity = PeerBinding.identityForTesting("vectors/identity/" + i);
            ReceiptKey receiptKey = ReceiptKey.deriveForTesting("vectors/receipt-key/" + i);
            PeerBinding b = new PeerBinding(identity.publicKey(), receiptKey.address(),
                    ReceiptKey.deriveForTesting("vectors/payee/" + i).address());
            Bytes32 digest = domain.digest(b.hash());
            Signature ed = b.sign(domain, identity);
            bindingLines.line(signed(receiptKey.sign(digest), receiptKey.address(), separator, digest,
                    "peer_key", b.peerKeyWord().toHexString(), "receipt_key", b.receiptKey().toHex(),
                    "payee", b.payee().toHex(), "hash", b.hash().toHexString(),
                    "ed25519_r", PeerBinding.signatureR(ed).toHexString(),
                    "ed25519_s", PeerBinding.signatureS(ed).toHexString()));
        }
        files.put(DIRECTORY + "peer-bindings.jsonl", bindingLines.bytes());

        files.put(DIRECTORY + "calldata.jsonl", calldata(domain, tickets, ticketSignatures, chain, verdicts,
                verdictSignatures));
        return files;
    }

    /**
     * The registry calls for fixed inputs: a 4-receipt claim (golden hop 3) on ticket 1, a 2-receipt claim
     * (golden hop 1) on ticket 0, both in one batch, the two verdicts, and finalize with a fixed payout.
     * {@code expect} holds what the contract must compute from the decoded calldata.
     */
    private static byte[] calldata(Eip712Domain domain, List<ParticleTicket> tickets, List<EcdsaSignature> ticketSigs,
                                   List<SignedReceipt> chain, List<Verdict> verdicts, List<EcdsaSignature> verdictSigs) {
        String separator = domain.separator().toHexString();
        GoldenClaim longClaim = new GoldenClaim(tickets.get(1), ticketSigs.get(1), chain);
        GoldenClaim shortClaim = new GoldenClaim(tickets.get(0), ticketSigs.get(0),
                signedChain(domain, tickets.get(0).hash(), 2, "vectors/short/data/", "vectors/short/cids/"));
        JsonLines lines = new JsonLines();
        for (GoldenClaim c : List.of(longClaim, shortClaim)) {
            lines.line("name", "submitClaim/golden-hop-" + c.goldenHop(), "function", "submitClaim",
                    "separator", separator, "calldata", GoldenCalldata.submitClaim(c).toHexString(),
                    "expect", JsonValue.object(expectClaim(c)));
        }
        List<JsonValue> batch = new ArrayList<>();
        for (GoldenClaim c : List.of(longClaim, shortClaim)) {
            batch.add(JsonValue.object(expectClaim(c)));
        }
        lines.line("name", "submitClaims/batch-of-2", "function", "submitClaims", "separator", separator,
                "calldata", GoldenCalldata.submitClaims(List.of(longClaim, shortClaim)).toHexString(),
                "expect", JsonValue.object(Map.of("claims", JsonValue.array(batch))));
        ReceiptKey verifier = ReceiptKey.deriveForTesting("vectors/verifier");
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            Map<String, JsonValue> expect = new LinkedHashMap<>();
            expect.put("claim_id", JsonValue.of(v.claimId().toHexString()));
            expect.put("module_hash", JsonValue.of(v.moduleHash().toHexString()));
            expect.put("valid", JsonValue.of(v.valid()));
            expect.put("verdict_hash", JsonValue.of(v.hash().toHexString()));
            expect.put("signer", JsonValue.of(verifier.address().toHex()));
            lines.line("name", "attest/" + (v.valid() ? "valid" : "invalid"), "function", "attest", "separator", separator,
                    "calldata", GoldenCalldata.attest(v, verdictSigs.get(i)).toHexString(), "expect", JsonValue.object(expect));
        }
        ClaimPayout payout = new ClaimPayout(tickets.get(1).client(), tickets.get(1).faceValue(), tickets.get(1).epoch(),
                ReceiptKey.deriveForTesting("vectors/relayer").address(), BigInteger.valueOf(123_456_789L),
                List.of(new PeerIndex(1), new PeerIndex(2), new PeerIndex(0xFFFF_FFFFL)));
        Map<String, JsonValue> expect = new LinkedHashMap<>();
        expect.put("claim_id", JsonValue.of(longClaim.claimId().value().toHexString()));
        expect.put("payout_commitment", JsonValue.of(GoldenCalldata.payoutCommitment(payout).toHexString()));
        lines.line("name", "finalize/3-peers", "function", "finalize", "separator", separator,
                "calldata", GoldenCalldata.finalizeClaim(longClaim.claimId(), payout).toHexString(),
                "expect", JsonValue.object(expect));
        return lines.bytes();
    }

    /** What the registry derives from a decoded claim: hashes, claim id, the recovered signers and the peers. */
    private static Map<String, JsonValue> expectClaim(GoldenClaim c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("ticket_hash", JsonValue.of(c.ticket().hash().toHexString()));
        m.put("client", JsonValue.of(c.ticket().client().toHex()));
        m.put("claim_id", JsonValue.of(c.claimId().value().toHexString()));
        List<JsonValue> hashes = new ArrayList<>();
        List<JsonValue> signers = new ArrayList<>();
        List<JsonValue> peers = new ArrayList<>();
        for (int i = 0; i < c.receipts().size(); i++) {
            HopReceipt r = c.receipts().get(i).receipt();
            hashes.add(JsonValue.of(r.hash().toHexString()));
            signers.add(JsonValue.of(peerKey(i + 1).address().toHex()));
            peers.add(JsonValue.of(r.peer()));
        }
        m.put("receipt_hashes", JsonValue.array(hashes));
        m.put("receipt_signers", JsonValue.array(signers));
        m.put("peers", JsonValue.array(peers));
        return m;
    }

    /** Receipts 1..n on {@code ticketHash}, hop i signed by {@code vectors/peer/i}; the last hop's peer is uint32 max. */
    private static List<SignedReceipt> signedChain(Eip712Domain domain, Bytes32 ticketHash, int n, String dataLabel,
                                                   String cidsLabel) {
        List<ReceiptChain.HopData> hops = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hops.add(new ReceiptChain.HopData(i == n ? 0xFFFF_FFFFL : i, Keccak.keccak256Utf8(dataLabel + i),
                    Keccak.keccak256Utf8(cidsLabel + i)));
        }
        List<SignedReceipt> out = new ArrayList<>();
        List<HopReceipt> linked = ReceiptChain.link(ticketHash, hops);
        for (int i = 0; i < linked.size(); i++) {
            out.add(SignedReceipt.sign(domain, linked.get(i), peerKey(i + 1)));
        }
        return out;
    }

    private static ReceiptKey peerKey(int hop) {
        return ReceiptKey.deriveForTesting("vectors/peer/" + hop);
    }

    /** The fields of a signed vector plus its domain separator, EIP-712 digest, signer and compact signature. */
    private static Object[] signed(EcdsaSignature sig, EvmAddress signer, String separator, Bytes32 digest,
                                   Object... fields) {
        Object[] tail = {"separator", separator, "digest", digest.toHexString(), "signer", signer.toHex(),
            "r", sig.rWord().toHexString(), "vs", sig.vs().toHexString(), "v", sig.v()};
        Object[] all = new Object[fields.length + tail.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(tail, 0, all, fields.length, tail.length);
        return all;
    }
}
