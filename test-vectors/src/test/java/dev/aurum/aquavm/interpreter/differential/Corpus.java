package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The differential corpus ({@code src/test/resources/differential/*.jsonl}), one prepared reference engine,
 * and the all-reference run of each scenario, shared by the tests of this JVM (the reference run is the
 * expensive part; every comparison reuses it).
 */
final class Corpus {

    static final String DIRECTORY = "/differential";

    private static List<DiffScenario> scenarios;
    private static AquaVm reference;
    // keyed by scenario name (unique in the corpus); looked up only, never iterated
    private static final Map<String, EngineNetwork> REFERENCE_RUNS = new HashMap<>();

    private Corpus() {
    }

    static synchronized List<DiffScenario> scenarios() {
        if (scenarios == null) {
            scenarios = load();
        }
        return scenarios;
    }

    static synchronized AquaVm reference() {
        if (reference == null) {
            reference = new ReferenceAquaVm();
        }
        return reference;
    }

    /** The scenario run with every peer on avm.wasm (computed once per JVM). */
    static synchronized EngineNetwork referenceRun(DiffScenario s) {
        return REFERENCE_RUNS.computeIfAbsent(s.name(), n -> new EngineNetwork(s, peer -> reference()).run());
    }

    private static List<DiffScenario> load() {
        List<DiffScenario> out = new ArrayList<>();
        try {
            URL dir = Corpus.class.getResource(DIRECTORY);
            if (dir == null) {
                throw new IllegalStateException("test resource directory " + DIRECTORY + " is missing");
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.addAll(DiffScenarioFile.parse(f.getFileName().toString(), text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | DecodeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return List.copyOf(out);
    }
}
