package dev.aurum.verifier.wasi;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.Hex;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.verifier.BundleProblem;
import dev.aurum.verifier.OfflineBundleChecks;
import dev.aurum.verifier.ReportJson;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The verdict on a proof bundle as canonical bytes (compact JSON, keys sorted): the checks of
 * {@link OfflineBundleChecks} (the committee's sequence without its chain checks; the registry's EIP-712
 * domain comes with the request), then the full replay of the embedded trace. The client signature must
 * recover to the ticket's client; each receipt's signer is recovered and reported ({@code receipt_signers}),
 * since whether it is the peer's registered receipt key, like slashing and the epoch's seed and target
 * (hence the golden condition), is chain state the host checks. Schema in docs/formats.md, "The verifier as a
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
            return finish(m, json(new BundleProblem("Decode", 0, e.getMessage())), null);
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
        BundleProblem problem = OfflineBundleChecks.beforeReplay(bundle, domain, OfflineBundleChecks.NO_CHAIN);
        if (problem != null) {
            return finish(m, json(problem), null);
        }
        // a bundle holds the trace only up to hop k+1: a prefix, so the completeness check does not apply
        VerificationReport report = new TraceVerifier(new JavaAquaVm()).verifyPrefix(bundle.trace(), now);
        problem = OfflineBundleChecks.replay(report);
        return finish(m, problem == null ? JsonNull.INSTANCE : json(problem), ReportJson.of(report));
    }

    private static String hex(Bytes32 word) {
        return "0x" + Hex.encode(word.toArrayUnsafe());
    }

    private static JsonValue json(BundleProblem problem) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("check", new JsonString(problem.check()));
        m.put("hop", JsonValue.of(problem.hop()));
        m.put("detail", new JsonString(problem.detail()));
        return new JsonObject(m);
    }

    private static byte[] finish(Map<String, JsonValue> m, JsonValue problem, JsonValue replay) {
        m.put("valid", JsonValue.of(problem == JsonNull.INSTANCE));
        m.put("problem", problem);
        m.put("replay", replay == null ? JsonNull.INSTANCE : replay);
        return JsonWriter.compact(new JsonObject(m));
    }
}
