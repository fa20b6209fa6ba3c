package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.contracts.BatchResult;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.GoldenClaim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurum submit BUNDLE...}: submits golden claims from proof bundles in one batch transaction. */
@Command(name = "submit",
        mixinStandardHelpOptions = true,
        description = {"Submit the golden claims of proof bundles to a GoldenRegistry.",
            "",
            "All bundles go into one submitClaims transaction; the registry skips (does not revert on) a",
            "claim it rejects and names the reason (BadReceiptSignature, NotGolden, AlreadyClaimed, ...).",
            "For every accepted claim, BUNDLE.claim.json is written: `aurum claim` needs it to finalize.",
            "The acting key pays the gas and receives the capped gas refund when the claim is paid.",
            "",
            "Example:  AURUM_KEY=0x... aurum submit --registry 0x5FbD... bundles/*.bundle"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every claim accepted", "1:some claim skipped", "2:bad arguments, key or bundle"})
public final class SubmitCommand implements Callable<Integer> {

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Parameters(paramLabel = "BUNDLE", arity = "1..*", description = "proof bundle files (CBOR, docs/formats.md)")
    List<Path> bundles;

    @Override
    public Integer call() throws Exception {
        List<GoldenClaim> claims = new ArrayList<>();
        for (Path p : bundles) {
            try {
                ProofBundle b = ProofBundleCodec.decode(Files.readAllBytes(p));
                claims.add(b.claim());
            } catch (DecodeException e) {
                return operator.usageError(p + ": " + e.getMessage());
            }
        }
        GoldenClient client;
        try {
            client = operator.connect();
        } catch (OperatorOptions.Unusable e) {
            return operator.usageError(e.getMessage());
        }
        try (client) {
            GoldenClient.BatchReceipt receipt = client.submitClaims(claims);
            ArrayNode results = new ObjectMapper().createArrayNode();
            int skipped = 0;
            for (BatchResult r : receipt.results()) {
                Path bundle = bundles.get(r.index());
                var n = results.addObject().put("bundle", bundle.toString());
                if (r instanceof BatchResult.Accepted ok) {
                    Path claimFile = Path.of(bundle + ".claim.json");
                    ClaimFiles.write(claimFile, ok.submission());
                    n.put("accepted", true).put("claimId", ok.submission().claimId().value().toHexString())
                            .put("claimFile", claimFile.toString());
                    operator.say(bundle + ": accepted, claim " + ok.submission().claimId().value() + " -> " + claimFile);
                } else if (r instanceof BatchResult.Skipped no) {
                    skipped++;
                    n.put("accepted", false).put("error", no.reason().getMessage());
                    operator.say(bundle + ": skipped: " + no.reason().getMessage());
                }
            }
            var root = new ObjectMapper().createObjectNode();
            root.put("tx", receipt.tx().txHash()).put("gasUsed", receipt.tx().gasUsed()).set("claims", results);
            operator.printJson(root);
            operator.say("tx " + receipt.tx().txHash() + ", gas " + receipt.tx().gasUsed());
            return skipped == 0 ? 0 : 1;
        }
    }
}
