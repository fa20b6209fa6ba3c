package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.aquavm.AquaVm;
import dev.aurum.cli.devnet.Workload;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.PeerIndex;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.trace.SignedTrace;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurum mine}: runs particles on the in-process network and writes the golden hops' proof bundles. */
@Command(name = "mine",
        mixinStandardHelpOptions = true,
        description = {"Process particles on the in-process network and write proof bundles of golden hops.",
            "",
            "The network's peers are peer-1..peer-K (the devnet's identities); peer i signs its hop",
            "receipts with the i-th secp256k1 secret of $" + MineCommand.PEER_KEYS_ENV + " (comma-separated",
            "hex), and must be registered on the registry with that receipt key. The acting key",
            "($AURUM_KEY or --wallet) is the client: it signs each particle's ticket (its escrow pays).",
            "The workload is the devnet's (built-in AIR scenarios cast onto the peers by --seed). The",
            "epoch, its seed and target are read from the registry; each golden hop k becomes",
            "OUT/<particle-id>-hop<k>.bundle, ready for `aurum submit`.",
            "",
            "Example:  AURUM_KEY=0x.. AURUM_PEER_KEYS=0x..,0x.. aurum mine --registry 0x5FbD.. --out bundles"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (bundles written, possibly none)", "2:bad arguments, keys or registrations"})
public final class MineCommand implements Callable<Integer> {

    static final String PEER_KEYS_ENV = "AURUM_PEER_KEYS";

    @Mixin
    ChainOptions chain = new ChainOptions();

    @Option(names = "--particles", paramLabel = "N", defaultValue = "20", description = "particles to run (default ${DEFAULT-VALUE})")
    int particles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "workload seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--face-value", paramLabel = "WEI", defaultValue = "10000000000000000",
            description = "ticket face value in wei (default ${DEFAULT-VALUE})")
    BigInteger faceValue;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "directory for the bundles")
    Path out;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AquaVm vm;
        GoldenClient client;
        List<ReceiptKey> peerKeys = new ArrayList<>();
        try {
            String list = chain.env.get(PEER_KEYS_ENV);
            if (list == null || list.isBlank()) {
                throw new ChainOptions.Unusable("no peer keys: set $" + PEER_KEYS_ENV + " (comma-separated hex)");
            }
            for (String hex : list.split(",", -1)) {
                try {
                    peerKeys.add(ReceiptKey.fromSecret(Bytes32.fromHexString(hex.trim())));
                } catch (IllegalArgumentException e) {
                    throw new ChainOptions.Unusable("$" + PEER_KEYS_ENV + " entry " + (peerKeys.size() + 1)
                            + " is not a 32-byte hex secret");
                }
            }
            if (peerKeys.size() < Workload.MIN_PEERS) {
                throw new ChainOptions.Unusable("the workload needs at least " + Workload.MIN_PEERS + " peer keys");
            }
            if (particles < 1 || particles > 100_000) {
                throw new ChainOptions.Unusable("--particles must be in [1, 100000]");
            }
            vm = EngineChoice.create(engine);
            client = chain.connect();
        } catch (ChainOptions.Unusable | EngineChoice.UnavailableEngine e) {
            err.println("aurum mine: " + e.getMessage());
            return 2;
        }
        try (client) {
            List<String> names = new ArrayList<>();
            Map<String, Long> indexes = new TreeMap<>();
            Map<String, ReceiptKey> keyOf = new TreeMap<>();
            for (int i = 0; i < peerKeys.size(); i++) {
                String name = "peer-" + (i + 1);
                PeerIdentity id = PeerIdentity.forName(name);
                Optional<PeerIndex> index = client.peerOfKey(Bytes32.wrap(id.peerId().publicKey().toRawBytes()));
                Optional<GoldenClient.PeerInfo> info = index.flatMap(client::peerInfo);
                if (info.isEmpty() || !info.get().receiptKey().equals(peerKeys.get(i).address())) {
                    err.println("aurum mine: " + name + " (" + id.peerId() + ") is not registered with receipt key "
                            + peerKeys.get(i).address());
                    return 2;
                }
                names.add(name);
                indexes.put(id.peerId().toString(), index.get().value());
                keyOf.put(id.peerId().toString(), peerKeys.get(i));
            }
            long epoch = client.currentEpoch();
            EpochInfo info = client.epoch(epoch);
            if (info.seed().isEmpty()) {
                err.println("aurum mine: epoch " + epoch + " is not seeded yet; anyone can call rollover()");
                return 2;
            }
            Target target = new Target(info.target());
            Miner miner = new Miner(new MiningContext(client.domain(), epoch, info.seed().get(), target));
            ReceiptKey clientKey = chain.key();
            Files.createDirectories(out);
            var written = new ObjectMapper().createArrayNode();
            int hops = 0;
            for (Workload.PlannedParticle p : Workload.plan(particles, names, seed)) {
                SignedTrace trace = p.runnable().run(vm).trace();
                hops += trace.hops().size();
                var h = trace.particle();
                ParticleTicket ticket = new ParticleTicket(new ParticleHeader(h.id(), h.timestamp(), h.ttl(), h.script())
                        .particleHash(), clientKey.address(), faceValue, epoch, target, p.number());
                List<SignedReceipt> receipts = Miner.receipts(ticket.hash(), trace, indexes,
                        (peer, r) -> SignedReceipt.sign(client.domain(), r, keyOf.get(peer)));
                for (ProofBundle b : miner.mine(ticket, clientKey.sign(client.domain().digest(ticket.hash())), trace,
                        receipts)) {
                    Path file = out.resolve(h.id() + "-hop" + b.goldenHop() + ".bundle");
                    Files.write(file, ProofBundleCodec.encode(b));
                    written.addObject().put("bundle", file.toString()).put("claimId", b.claimId().value().toHexString())
                            .put("goldenHop", b.goldenHop());
                    if (!json) {
                        stdout.println(file + ": golden hop " + b.goldenHop());
                    }
                }
            }
            if (json) {
                ObjectNode root = new ObjectMapper().createObjectNode();
                root.put("particles", particles).put("hops", hops).put("epoch", epoch).set("bundles", written);
                stdout.println(root.toPrettyString());
            } else {
                stdout.println(particles + " particles, " + hops + " hops, " + written.size() + " golden bundles in " + out);
            }
            return 0;
        }
    }
}
