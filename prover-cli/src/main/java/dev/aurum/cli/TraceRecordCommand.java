package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.NetworkEvent;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.TraceCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aurum trace record SCENARIO}: runs a scenario on the in-process network and writes its signed trace. */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = {"Run a scenario on the in-process network and write its signed trace.",
            "",
            "SCENARIO is a built-in name (fork-join, chain, fold-fanout, xor-failure) or a scenario JSON",
            "file (format: docs/formats.md, 'Scenarios'). Peers get deterministic Ed25519 keys derived from",
            "their names, time starts at the particle timestamp, so the same scenario always gives the same",
            "trace bytes.",
            "",
            "Example:  aurum trace record fork-join -o fork-join.trace && aurum verify fork-join.trace"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:trace written", "2:bad scenario, engine unavailable or I/O error"})
public final class TraceRecordCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "built-in scenario name or scenario JSON file")
    String scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "where to write the trace (default: SCENARIO-NAME.trace in the current directory)")
    Path output;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--json", description = "print a JSON summary instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario s;
        try {
            s = load(scenario);
        } catch (IOException e) {
            err.println("aurum trace record: cannot read " + scenario + ": " + e.getMessage());
            return 2;
        } catch (DecodeException e) {
            err.println("aurum trace record: invalid scenario " + scenario + ": " + e.getMessage());
            return 2;
        }
        AquaVm vm;
        try {
            vm = EngineChoice.create(engine);
        } catch (EngineChoice.UnavailableEngine e) {
            err.println("aurum trace record: " + e.getMessage());
            return 2;
        }
        NetworkRun run = s.run(vm);
        byte[] bytes = TraceCodec.encode(run.trace());
        Path target = output != null ? output : Path.of(s.name() + ".trace");
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            err.println("aurum trace record: cannot write " + target + ": " + e.getMessage());
            return 2;
        }
        if (json) {
            out.println(JsonWriter.toPrettyString(summary(s, run, target, bytes, vm.name())));
        } else {
            out.println("Recorded scenario '" + s.name() + "' on the " + vm.name() + " engine: "
                    + run.trace().hops().size() + " hops, " + bytes.length + " bytes -> " + target);
            out.println("trace sha256 " + ContentHash.of(bytes).hex());
            for (Hop h : run.trace().hops()) {
                out.println("  hop " + h.index() + "  " + Names.label(s, h.peer())
                        + (h.from() < 0 ? "  (init)" : "  from hop " + h.from()) + "  rounds " + h.rounds().size()
                        + "  -> " + Names.labels(s, h.nextPeers()));
            }
            for (NetworkEvent e : run.events()) {
                out.println("  network: " + e.kind() + " " + Names.label(s, e.peer()) + ": " + e.detail());
            }
        }
        out.flush();
        return 0;
    }

    static Scenario load(String nameOrPath) throws IOException, DecodeException {
        String builtin = BuiltinScenarios.json(nameOrPath);
        if (builtin != null) {
            return ScenarioParser.parse(builtin);
        }
        return ScenarioParser.parse(Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8));
    }

    private static JsonValue summary(Scenario s, NetworkRun run, Path target, byte[] bytes, String engineName) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("scenario", new JsonString(s.name()));
        m.put("engine", new JsonString(engineName));
        m.put("file", new JsonString(target.toString()));
        m.put("bytes", JsonValue.of(bytes.length));
        m.put("sha256", new JsonString(ContentHash.of(bytes).hex()));
        m.put("hops", JsonValue.of(run.trace().hops().size()));
        List<JsonValue> events = new ArrayList<>();
        for (NetworkEvent e : run.events()) {
            Map<String, JsonValue> ev = new LinkedHashMap<>();
            ev.put("kind", new JsonString(e.kind().name()));
            ev.put("from_hop", JsonValue.of(e.fromHop()));
            ev.put("peer", new JsonString(e.peer()));
            ev.put("time", JsonValue.of(e.time()));
            ev.put("detail", new JsonString(e.detail()));
            events.add(new JsonObject(ev));
        }
        m.put("network_events", new JsonArray(events));
        return new JsonObject(m);
    }
}
