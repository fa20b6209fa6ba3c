package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aurum.aquavm.AquaVm;
import dev.aurum.cli.devnet.OnChainView;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.committee.BundleCheck;
import dev.aurum.verifier.committee.CommitteeMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurum attest BUNDLE...}: a committee verifier reviews bundles, signs verdicts and relays them. */
@Command(name = "attest",
        mixinStandardHelpOptions = true,
        description = {"Review proof bundles as a verifier of the committee and attest the verdicts.",
            "",
            "For each bundle: decode it, check it against the chain (client and receipt signatures,",
            "registered peers, epoch seed and target, golden condition), replay its signed trace on an",
            "AquaVM engine, then sign Verdict(claimId, moduleHash, valid) with the acting key (which must",
            "be in the registry's verifier set) and send attest(). moduleHash is read from the registry.",
            "",
            "Example:  aurum attest --wallet verifier.json --registry 0x5FbD... bundles/*.bundle"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every bundle valid", "1:some bundle refused", "2:bad arguments or key"})
public final class AttestCommand implements Callable<Integer> {

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Parameters(paramLabel = "BUNDLE", arity = "1..*", description = "proof bundle files")
    List<Path> bundles;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--dry-run", description = "review and sign, but do not send attest transactions")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        AquaVm vm;
        GoldenClient client;
        try {
            vm = EngineChoice.create(engine);
            client = operator.connect();
        } catch (EngineChoice.UnavailableEngine | OperatorOptions.Unusable e) {
            return operator.usageError(e.getMessage());
        }
        try (client) {
            CommitteeMember member = new CommitteeMember(operator.key(), client.moduleHash(),
                    new BundleCheck(new TraceVerifier(vm)));
            OnChainView view = new OnChainView(client);
            ArrayNode results = new ObjectMapper().createArrayNode();
            int refused = 0;
            for (Path p : bundles) {
                CommitteeMember.Review review = member.review(Files.readAllBytes(p), view);
                var n = results.addObject().put("bundle", p.toString()).put("valid", review.approved());
                review.refusal().ifPresent(r -> n.put("refusal", r));
                review.claimId().ifPresent(c -> n.put("claimId", c.value().toHexString()));
                if (!review.approved()) {
                    refused++;
                }
                if (review.verdict().isPresent() && !dryRun) {
                    n.put("tx", client.attest(review.verdict().get(), review.signature().orElseThrow()).txHash());
                }
                operator.say(p + ": " + (review.approved() ? "valid" : "INVALID: " + review.refusal().orElse(""))
                        + (n.has("tx") ? ", attested in " + n.get("tx").asText() : ""));
            }
            operator.printJson(results);
            return refused == 0 ? 0 : 1;
        }
    }
}
