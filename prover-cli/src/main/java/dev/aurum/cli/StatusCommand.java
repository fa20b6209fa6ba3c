package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.contracts.ClaimState;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.ReceiptKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurum status}: what the registry says (read-only). */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = {"Show a GoldenRegistry's state, the acting account's balances and the state of claims.",
            "",
            "Read-only: sends no transaction. Without a key ($AURUM_KEY or --wallet) only the registry's",
            "state is shown. Each BUNDLE's claim is looked up by its claim id (pending, finalized,",
            "voided, with the verifier votes so far).",
            "",
            "Example:  aurum status --registry 0x5FbD... bundles/*.bundle --json"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:shown", "2:bad arguments or unreadable bundle"})
public final class StatusCommand implements Callable<Integer> {

    /** Signs nothing: view calls only need some sender address. */
    private static final ReceiptKey READ_ONLY = ReceiptKey.deriveForTesting("aurum/status/read-only");

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Parameters(paramLabel = "BUNDLE", arity = "0..*", description = "proof bundles whose claims to look up")
    List<Path> bundles = List.of();

    @Override
    public Integer call() throws Exception {
        boolean haveKey = operator.hasKey();
        GoldenClient client;
        try {
            client = operator.connect(haveKey ? operator.key() : READ_ONLY);
        } catch (OperatorOptions.Unusable e) {
            return operator.usageError(e.getMessage());
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        try (client) {
            long epoch = client.currentEpoch();
            EpochInfo info = client.epoch(epoch);
            root.put("chainId", client.chainId()).put("registry", client.contractAddress().toHex())
                    .put("epoch", epoch).put("epochSeeded", info.seed().isPresent())
                    .put("target", "0x" + info.target().toString(16)).put("claimsThisEpoch", info.claimCount())
                    .put("quorum", client.quorum()).put("moduleHash", client.moduleHash().toHexString());
            if (haveKey) {
                var me = client.senderAddress();
                root.putObject("account").put("address", me.toHex())
                        .put("balanceWei", client.balanceOf(me).toString())
                        .put("registryBalanceWei", client.accountBalance(me).toString())
                        .put("escrowWei", client.escrowOf(me).balance().toString())
                        .put("peerIndex", client.peerOfReceiptKey(me).map(p -> p.value()).orElse(0L));
            }
            var claims = root.putArray("claims");
            for (Path p : bundles) {
                ProofBundle b;
                try {
                    b = ProofBundleCodec.decode(Files.readAllBytes(p));
                } catch (DecodeException e) {
                    return operator.usageError(p + ": " + e.getMessage());
                }
                ClaimState s = client.claimState(b.claimId());
                claims.addObject().put("bundle", p.toString()).put("claimId", b.claimId().value().toHexString())
                        .put("goldenHop", b.goldenHop()).put("status", s.status().name())
                        .put("approvals", s.approvals()).put("rejections", s.rejections());
            }
        }
        PrintWriter out = operator.out();
        if (operator.json) {
            out.println(root.toPrettyString());
        } else {
            root.fields().forEachRemaining(e -> {
                if (!e.getValue().isContainerNode()) {
                    out.println(e.getKey() + ": " + e.getValue().asText());
                }
            });
            if (root.has("account")) {
                root.get("account").fields().forEachRemaining(e -> out.println("account." + e.getKey() + ": " + e.getValue().asText()));
            }
            for (var c : root.get("claims")) {
                out.println(c.get("bundle").asText() + ": " + c.get("status").asText() + " (hop " + c.get("goldenHop").asInt()
                        + ", approvals " + c.get("approvals").asInt() + ", rejections " + c.get("rejections").asInt() + ")");
            }
        }
        return 0;
    }
}
