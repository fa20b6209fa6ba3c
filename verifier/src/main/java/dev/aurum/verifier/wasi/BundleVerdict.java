package dev.aurum.verifier.wasi;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.golden.HopCommitments;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.Hex;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.verifier.ReportJson;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The verdict on a proof bundle as canonical bytes (compact JSON, keys sorted): every check of the
 * committee's {@code BundleCheck} that needs only the registry's EIP-712 domain (given with the request),
 * in the same order, then the full replay of the embedded trace. The client signature must recover to
 * the ticket's client; each receipt's signer is recovered and reported ({@code receipt_signers}), since
 * whether it is the peer's registered receipt key, like slashing and the epoch's seed and target (hence
 * the golden condition), is chain state the host checks. Schema in docs/formats.md, "The verifier as a
 * Wasm module".
 */
public final class BundleVerdict {

    private BundleVerdict() {
    }

    /**
     * Verifies {@code bundleBytes} (the file as on disk) for the registry of {@code domain}; {@code now}
     * null means the last hop's time.
     */
    public static byte[] of(byte[] bundleBytes, Eip712Domain domain, Long now) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("kind", new JsonString("proof_bundle"));
        m.put("bundle_sha256", new JsonString(ContentHash.of(bundleBytes).hex()));
        ProofBundle bundle;
        try {
            bundle = ProofBundleCodec.decode(bundleBytes);
        } catch (DecodeException e) {
            return finish(m, problem("Decode", 0, e.getMessage()), null);
        }
        int k = bundle.goldenHop();
        m.put("golden_hop", JsonValue.of(k));
        m.put("ticket_hash", new JsonString(hex(bundle.ticket().hash())));
        m.put("client", new JsonString(bundle.ticket().client().toHex()));
        List<JsonValue> receiptHashes = new ArrayList<>();
        for (SignedReceipt r : bundle.receipts()) {
            receiptHashes.add(new JsonString(hex(r.receipt().hash())));
        }
        m.put("receipt_hashes", new JsonArray(receiptHashes));
        List<JsonValue> signers = new ArrayList<>();
        for (SignedReceipt r : bundle.receipts()) {
            EvmAddress signer = Secp256k1.recover(domain.digest(r.receipt().hash()), r.signature());
            signers.add(signer == null ? JsonNull.INSTANCE : new JsonString(signer.toHex()));
        }
        m.put("receipt_signers", new JsonArray(signers));
        JsonValue problem = offlineProblem(bundle, domain);
        if (problem != null) {
            return finish(m, problem, null);
        }
        // a bundle holds the trace only up to hop k+1: a prefix, so the completeness check does not apply
        VerificationReport report = new TraceVerifier(new JavaAquaVm()).verifyPrefix(bundle.trace(), now);
        JsonValue replay = report.valid() ? JsonNull.INSTANCE
                : problem("Replay", report.failingHop() + 1, report.failure().check() + ": " + report.failure().reason());
        return finish(m, replay, ReportJson.of(report));
    }

    /** BundleCheck's checks that need no chain state, in its order; null if all pass. */
    private static JsonValue offlineProblem(ProofBundle bundle, Eip712Domain domain) {
        int k = bundle.goldenHop();
        SignedTrace trace = bundle.trace();
        List<SignedReceipt> receipts = bundle.receipts();
        if (k < 1) {
            return problem("BadHopCount", 0, "a claim needs receipts 1..k+1 with k >= 1");
        }
        if (trace.hops().size() != k + 1) {
            return problem("TraceLength", 0, "the trace must hold exactly hops 1.." + (k + 1) + ", it holds "
                    + trace.hops().size());
        }
        var p = trace.particle();
        if (!new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash()
                .equals(bundle.ticket().particleHash())) {
            return problem("ParticleMismatch", 0, "the ticket's particleHash is not the trace's particle");
        }
        if (!lowS(bundle.clientSignature()) || !bundle.ticket().client().equals(
                Secp256k1.recover(domain.digest(bundle.ticket().hash()), bundle.clientSignature()))) {
            return problem("BadClientSignature", 0, "the ticket is not signed by its client "
                    + bundle.ticket().client().toHex());
        }
        List<HopReceipt> plain = new ArrayList<>(receipts.size());
        for (SignedReceipt r : receipts) {
            plain.add(r.receipt());
        }
        int broken = ReceiptChain.firstBrokenHop(bundle.ticket().hash(), plain);
        if (broken != 0) {
            return problem("BrokenReceiptChain", broken, "the receipt does not continue the chain from the ticket");
        }
        for (int i = 0; i < receipts.size(); i++) {
            HopReceipt r = receipts.get(i).receipt();
            Hop hop = trace.hops().get(i);
            if (!lowS(receipts.get(i).signature())) {
                return problem("BadReceiptSignature", i + 1, "the receipt signature is not in low-s form");
            }
            if (!r.dataCommitment().equals(HopCommitments.dataCommitment(trace, hop))) {
                return problem("DataCommitment", i + 1, "dataCommitment is not the hash of the hop's data");
            }
            if (!r.cidsHash().equals(HopCommitments.cidsHash(hop))) {
                return problem("HopRecordCommitment", i + 1, "cidsHash does not commit to the signed hop record");
            }
        }
        return null;
    }

    private static String hex(Bytes32 word) {
        return "0x" + Hex.encode(word.toArrayUnsafe());
    }

    private static boolean lowS(EcdsaSignature signature) {
        BigInteger s = signature.s();
        return s.signum() > 0 && s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    private static JsonValue problem(String check, int hop, String detail) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("check", new JsonString(check));
        m.put("hop", JsonValue.of(hop));
        m.put("detail", new JsonString(detail));
        return new JsonObject(m);
    }

    private static byte[] finish(Map<String, JsonValue> m, JsonValue problem, JsonValue replay) {
        m.put("valid", JsonValue.of(problem == JsonNull.INSTANCE));
        m.put("problem", problem);
        m.put("replay", replay == null ? JsonNull.INSTANCE : replay);
        return JsonWriter.compact(new JsonObject(m));
    }
}
