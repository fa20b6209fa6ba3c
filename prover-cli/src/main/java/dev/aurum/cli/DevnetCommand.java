package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.cli.devnet.Devnet;
import dev.aurum.cli.devnet.DevnetConfig;
import dev.aurum.cli.devnet.DevnetReport;
import dev.aurum.cli.devnet.DevnetResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aurum devnet}: the whole golden-particle economy on an embedded chain, reproducible by seed. */
@Command(name = "devnet",
        mixinStandardHelpOptions = true,
        description = {"Run the golden-particle economy end to end on an embedded chain.",
            "",
            "Starts anvil (fixed genesis time, one second per block), deploys",
            "GoldenRegistry, registers the peers (their Ed25519 PeerId bound on-chain to a",
            "secp256k1 receipt key), a client with escrow and a verifier committee. Runs a",
            "workload of real AIR scripts (fork-join price oracle, chains, fan-out folds,",
            "xor-caught failures) across the peers; every peer signs a receipt per hop and",
            "mines its hops; golden hops become proof bundles that are submitted, replayed",
            "and attested by every verifier, finalized and withdrawn. The particles span",
            "--epochs chain epochs: between them the chain clock moves on, rollover() seeds",
            "the next epoch, and from epoch 2 on the target must be the one the x1/4..x4",
            "retarget rule gives. Ends with a table: particles, hops, golden hops, claims",
            "paid, gas, rewards per peer, targets per epoch. The same flags give the same",
            "run. The engine is the Java interpreter unless --engine reference.",
            "",
            "Example:  aurum devnet --peers 8 --particles 500 --seed 7 --report devnet.html"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every golden claim paid, every verdict valid, rewards == escrow paid out, targets as specified",
            "1:a check failed", "2:bad arguments, no engine or no anvil"})
public final class DevnetCommand implements Callable<Integer> {

    @Option(names = "--peers", paramLabel = "N", defaultValue = "8", description = "peers (5..64, default ${DEFAULT-VALUE})")
    int peers;

    @Option(names = "--particles", paramLabel = "N", defaultValue = "90",
            description = "particles in the workload (default ${DEFAULT-VALUE})")
    int particles;

    @Option(names = "--difficulty", paramLabel = "D", defaultValue = "16",
            description = "initial target: a hop is golden with probability about 1/D (D >= 16, default ${DEFAULT-VALUE})")
    long difficulty;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "3",
            description = "spread the particles over E chain epochs (1..4, default ${DEFAULT-VALUE}); the registry "
                    + "retargets from epoch 2 on")
    int epochs;

    @Option(names = "--claims-per-epoch", paramLabel = "N", defaultValue = "2",
            description = "the claim rate the registry's x1/4..x4 retarget aims at (default ${DEFAULT-VALUE})")
    long claimsPerEpoch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "fixes the whole run (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--verifiers", paramLabel = "N", defaultValue = "3", description = "committee size (default ${DEFAULT-VALUE})")
    int verifiers;

    @Option(names = "--quorum", paramLabel = "N", defaultValue = "2", description = "verdicts to finalize (default ${DEFAULT-VALUE})")
    int quorum;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--report", paramLabel = "FILE", description = "also write an HTML report with per-particle hop graphs")
    Path report;

    @Option(names = "--json", description = "print one JSON document instead of progress and a table")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DevnetConfig config;
        AquaVm vm;
        try {
            config = new DevnetConfig(peers, particles, difficulty, seed, verifiers, quorum, epochs, claimsPerEpoch);
            vm = EngineChoice.create(engine);
        } catch (IllegalArgumentException | EngineChoice.UnavailableEngine e) {
            err.println("aurum devnet: " + e.getMessage());
            return 2;
        }
        DevnetResult result;
        try {
            result = new Devnet(config, vm, line -> {
                if (!json) {
                    out.println(line);
                    out.flush();
                }
            }).run();
        } catch (IOException e) {
            err.println("aurum devnet: cannot start the embedded chain: " + e.getMessage());
            return 2;
        }
        if (json) {
            out.println(DevnetReport.json(result));
        } else {
            DevnetReport.table(result, out);
        }
        if (report != null) {
            Files.writeString(report, DevnetReport.html(result), StandardCharsets.UTF_8);
            if (!json) {
                out.println("report written to " + report);
            }
        }
        out.flush();
        return result.allChecksPass() ? 0 : 1;
    }
}
