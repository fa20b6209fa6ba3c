package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.cli.devnet.Workload;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.proofs.trace.TraceLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code aurum mine} gets its particles: the devnet's seeded workload, or a directory of scenario files
 * ({@code *.json}, run on an engine) and signed traces ({@code *.trace}, already run), in file-name order.
 */
final class ParticleSource {

    /** Largest scenario file read (a scenario is a script and some service answers). */
    static final int MAX_SCENARIO_BYTES = 16 << 20;

    /** One particle: a scenario to run or a recorded trace; {@code nonce} is its ticket nonce. */
    record Input(String label, long nonce, Scenario scenario, SignedTrace recorded) {
        SignedTrace trace(AquaVm vm) {
            return recorded != null ? recorded : scenario.run(vm).trace();
        }
    }

    private ParticleSource() {
    }

    static List<Input> workload(int particles, List<String> peerNames, long seed) {
        List<Input> out = new ArrayList<>();
        for (Workload.PlannedParticle p : Workload.plan(particles, peerNames, seed)) {
            out.add(new Input(p.runnable().particleId(), p.number(), p.runnable(), null));
        }
        return out;
    }

    /** Reads and decodes every {@code *.json} and {@code *.trace} file of {@code dir}; a bad file is named. */
    static List<Input> directory(Path dir, int maxFiles) throws OperatorOptions.Unusable {
        if (!Files.isDirectory(dir)) {
            throw new OperatorOptions.Unusable("--from " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> Files.isRegularFile(p) && (name(p).endsWith(".json") || name(p).endsWith(".trace")))
                    .sorted((a, b) -> name(a).compareTo(name(b))).limit(maxFiles + 1L).toList();
        } catch (IOException e) {
            throw new OperatorOptions.Unusable("cannot list " + dir + ": " + e.getMessage());
        }
        if (files.size() > maxFiles) {
            throw new OperatorOptions.Unusable(dir + " has more than " + maxFiles + " particle files");
        }
        if (files.isEmpty()) {
            throw new OperatorOptions.Unusable(dir + " has no *.json scenario or *.trace file");
        }
        List<Input> out = new ArrayList<>(files.size());
        for (Path file : files) {
            out.add(read(file, out.size()));
        }
        return out;
    }

    private static Input read(Path file, long nonce) throws OperatorOptions.Unusable {
        boolean scenario = name(file).endsWith(".json");
        try {
            byte[] bytes = BoundedFile.read(file, scenario ? MAX_SCENARIO_BYTES : TraceLimits.MAX_TRACE_BYTES);
            return scenario
                    ? new Input(file.toString(), nonce, ScenarioParser.parse(new String(bytes, StandardCharsets.UTF_8)), null)
                    : new Input(file.toString(), nonce, null, TraceCodec.decode(bytes));
        } catch (BoundedFile.Unreadable e) {
            throw new OperatorOptions.Unusable(e.getMessage());
        } catch (DecodeException e) {
            throw new OperatorOptions.Unusable(file + ": " + e.getMessage());
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
