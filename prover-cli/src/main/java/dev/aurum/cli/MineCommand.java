package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import java.io.IOException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurum mine}: processes particles (a directory, or the seeded workload) and writes golden hops' bundles. */
@Command(name = "mine",
        mixinStandardHelpOptions = true,
        description = {"Process particles and write proof bundles of their golden hops.",
            "",
            "Particles come from --from DIR or, without it, from the devnet's seeded",
            "workload (built-in AIR scenarios cast onto the peers by --seed, --particles of",
            "them) on the in-process network. DIR is read in file-name order: NAME.json is",
            "a scenario (docs/formats.md, 'Scenarios'), run on --engine; NAME.trace is a",
            "signed particle trace (`aurum trace record`), mined as recorded; other files",
            "are skipped. Ticket nonces are the particles' positions in that order.",
            "",
            "The peers are peer-1..peer-K (the devnet's identities; a scenario names them",
            "so); peer i signs its hop receipts with the i-th secp256k1 secret of",
            "$AURUM_PEER_KEYS (comma-separated hex) and must be registered with that",
            "receipt key. The acting key ($AURUM_KEY or --wallet) is the client: it signs",
            "each particle's ticket (its escrow pays). The epoch, its seed and target are",
            "read from the registry; each golden hop k becomes",
            "OUT/<particle-id>-hop<k>.bundle, ready for `aurum submit`.",
            "",
            "Example:  AURUM_KEY=0x.. AURUM_PEER_KEYS=0x..,0x.. \\",
            "            aurum mine --registry 0x5FbD.. --from particles --out bundles"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (bundles written, possibly none)", "2:bad arguments, keys, registrations or input files"})
public final class MineCommand implements Callable<Integer> {

    static final String PEER_KEYS_ENV = "AURUM_PEER_KEYS";
    static final int MAX_FILES = 100_000;

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Option(names = "--from", paramLabel = "DIR", description = "directory of particles (*.json scenarios, *.trace signed traces)")
    Path from;

    @Option(names = "--particles", paramLabel = "N", defaultValue = "20",
            description = "without --from: workload particles to run (default ${DEFAULT-VALUE})")
    int particles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "without --from: workload seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--face-value", paramLabel = "WEI", defaultValue = "10000000000000000",
            description = "ticket face value in wei (default ${DEFAULT-VALUE})")
    BigInteger faceValue;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "directory for the bundles")
    Path out;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Override
    public Integer call() throws Exception {
        AquaVm vm;
        GoldenClient client;
        List<ReceiptKey> peerKeys;
        List<ParticleSource.Input> inputs;
        try {
            peerKeys = peerKeys();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= peerKeys.size(); i++) {
                names.add("peer-" + i);
            }
            inputs = from != null ? ParticleSource.directory(from, MAX_FILES) : ParticleSource.workload(particles, names, seed);
            vm = EngineChoice.create(engine);
            client = operator.connect();
        } catch (OperatorOptions.Unusable | EngineChoice.UnavailableEngine e) {
            return operator.usageError(e.getMessage());
        }
        try (client) {
            Map<String, Long> indexes = new TreeMap<>();
            Map<String, ReceiptKey> keyOf = new TreeMap<>();
            for (int i = 0; i < peerKeys.size(); i++) {
                String name = "peer-" + (i + 1);
                PeerIdentity id = PeerIdentity.forName(name);
                Optional<PeerIndex> index = client.peerOfKey(Bytes32.wrap(id.peerId().publicKey().toRawBytes()));
                Optional<GoldenClient.PeerInfo> info = index.flatMap(client::peerInfo);
                if (info.isEmpty() || !info.get().receiptKey().equals(peerKeys.get(i).address())) {
                    return operator.usageError(name + " (" + id.peerId() + ") is not registered with receipt key "
                            + peerKeys.get(i).address());
                }
                indexes.put(id.peerId().toString(), index.get().value());
                keyOf.put(id.peerId().toString(), peerKeys.get(i));
            }
            long epoch = client.currentEpoch();
            EpochInfo info = client.epoch(epoch);
            if (info.seed().isEmpty()) {
                return operator.usageError("epoch " + epoch + " is not seeded yet; anyone can call rollover()");
            }
            Target target = new Target(info.target());
            Miner miner = new Miner(new MiningContext(client.domain(), epoch, info.seed().get(), target));
            ReceiptKey clientKey = operator.key();
            Files.createDirectories(out);
            ArrayNode written = new ObjectMapper().createArrayNode();
            int hops = 0;
            for (ParticleSource.Input input : inputs) {
                SignedTrace trace = input.trace(vm);
                for (Hop hop : trace.hops()) {
                    if (!indexes.containsKey(hop.peer())) {
                        return operator.usageError(input.label() + ": hop " + (hop.index() + 1) + " ran on " + hop.peer()
                                + ", which is not one of peer-1..peer-" + peerKeys.size());
                    }
                }
                hops += trace.hops().size();
                for (ProofBundle b : miner.mineParticle(trace, clientKey, faceValue, input.nonce(), indexes,
                        (peer, r) -> SignedReceipt.sign(client.domain(), r, keyOf.get(peer)))) {
                    Path file = out.resolve(trace.particle().id() + "-hop" + b.goldenHop() + ".bundle");
                    Files.write(file, ProofBundleCodec.encode(b));
                    written.addObject().put("bundle", file.toString()).put("particle", input.label())
                            .put("claimId", b.claimId().value().toHexString()).put("goldenHop", b.goldenHop());
                    operator.say(file + ": golden hop " + b.goldenHop() + " of " + input.label());
                }
            }
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("source", from != null ? from.toString() : "workload seed " + seed).put("particles", inputs.size())
                    .put("hops", hops).put("epoch", epoch).set("bundles", written);
            operator.printJson(root);
            operator.say(inputs.size() + " particles, " + hops + " hops, " + written.size() + " golden bundles in " + out);
            return 0;
        } catch (IOException e) {
            return operator.usageError(e.getMessage());
        }
    }

    private List<ReceiptKey> peerKeys() throws OperatorOptions.Unusable {
        String list = operator.env.get(PEER_KEYS_ENV);
        if (list == null || list.isBlank()) {
            throw new OperatorOptions.Unusable("no peer keys: set $" + PEER_KEYS_ENV + " (comma-separated hex)");
        }
        List<ReceiptKey> keys = new ArrayList<>();
        for (String hex : list.split(",", -1)) {
            try {
                keys.add(ReceiptKey.fromSecret(Bytes32.fromHexString(hex.trim())));
            } catch (IllegalArgumentException e) {
                throw new OperatorOptions.Unusable("$" + PEER_KEYS_ENV + " entry " + (keys.size() + 1)
                        + " is not a 32-byte hex secret");
            }
        }
        if (from == null && keys.size() < Workload.MIN_PEERS) {
            throw new OperatorOptions.Unusable("the workload needs at least " + Workload.MIN_PEERS + " peer keys");
        }
        if (from == null && (particles < 1 || particles > 100_000)) {
            throw new OperatorOptions.Unusable("--particles must be in [1, 100000]");
        }
        return keys;
    }
}
