package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.cli.devnet.Eth;
import dev.aurum.contracts.ClaimSubmission;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.GoldenContractException;
import dev.aurum.contracts.PeerIndex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurum claim}: finalizes attested claims and withdraws rewards. */
@Command(name = "claim",
        mixinStandardHelpOptions = true,
        description = {"Finalize attested claims and withdraw what they paid.",
            "",
            "Each CLAIMFILE is a .claim.json written by `aurum submit`; finalize() pays the claim once a",
            "quorum of verifiers approved it (or voids it on a quorum of rejections). --peer N sends peer",
            "N's rewards to its registered payee (anyone may trigger it; money never goes to the caller).",
            "--withdraw sends the acting key's own balance (gas refunds) to it.",
            "",
            "Example:  AURUM_KEY=0x... aurum claim bundles/*.claim.json --peer 3 --withdraw"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:a registry call was refused", "2:bad arguments or key"})
public final class ClaimCommand implements Callable<Integer> {

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Parameters(paramLabel = "CLAIMFILE", arity = "0..*", description = ".claim.json files to finalize")
    List<Path> claimFiles = List.of();

    @Option(names = "--peer", paramLabel = "INDEX", description = "withdraw this peer's rewards to its payee (repeatable)")
    List<Long> peers = List.of();

    @Option(names = "--withdraw", description = "withdraw the acting key's own balance (refunds)")
    boolean withdraw;

    @Override
    public Integer call() throws Exception {
        GoldenClient client;
        try {
            client = operator.connect();
        } catch (OperatorOptions.Unusable e) {
            return operator.usageError(e.getMessage());
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        var finalized = root.putArray("finalized");
        int failures = 0;
        try (client) {
            for (Path f : claimFiles) {
                ClaimSubmission s = ClaimFiles.read(f);
                var n = finalized.addObject().put("claimFile", f.toString()).put("claimId", s.claimId().value().toHexString());
                try {
                    n.put("tx", client.finalizeClaim(s).txHash()).put("status", client.claimState(s.claimId()).status().name());
                } catch (GoldenContractException e) {
                    failures++;
                    n.put("error", e.getMessage());
                }
                operator.say(f + ": " + (n.has("error") ? "refused: " + n.get("error").asText() : n.get("status").asText()));
            }
            var withdrawals = root.putArray("withdrawals");
            for (long peer : peers) {
                PeerIndex index = new PeerIndex(peer);
                BigInteger amount = client.peerBalance(index);
                var n = withdrawals.addObject().put("peer", peer).put("amountWei", amount.toString());
                try {
                    n.put("tx", client.withdrawRewards(index).txHash());
                } catch (GoldenContractException e) {
                    failures++;
                    n.put("error", e.getMessage());
                }
                operator.say("peer " + peer + ": " + (n.has("error") ? "refused: " + n.get("error").asText()
                        : Eth.format(amount) + " sent to payee " + client.payeeOf(index)));
            }
            if (withdraw) {
                BigInteger amount = client.accountBalance(client.senderAddress());
                var n = root.putObject("ownBalance").put("amountWei", amount.toString());
                try {
                    n.put("tx", client.withdrawBalance().txHash());
                } catch (GoldenContractException e) {
                    failures++;
                    n.put("error", e.getMessage());
                }
                operator.say("own balance: " + (n.has("error") ? "refused: " + n.get("error").asText()
                        : Eth.format(amount) + " withdrawn"));
            }
        }
        operator.printJson(root);
        return failures == 0 ? 0 : 1;
    }
}
