package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aurum demo}: the main job on embedded defaults. Runs a built-in particle on the in-process
 * network with the real avm.wasm, decodes every hop's data with Aurum's own codecs (msgpack envelope,
 * rkyv), checks that the Java rendering of the final data equals avm.wasm's own, and verifies the
 * signed trace hop by hop.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Run a built-in particle end to end and show what Aurum sees in it.",
            "",
            "The particle runs hop by hop on the in-process network with the real avm.wasm 0.62.0",
            "(in Chicory). Every hop's data is decoded with Aurum's own codecs; the final data is",
            "rendered by Aurum and compared with avm.wasm's own human-readable dump; the recorded",
            "signed trace is then verified hop by hop.",
            "",
            "Example:  aurum demo --scenario chain --json"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every check passed", "1:a check failed", "2:bad arguments"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "fork-join",
            description = "built-in scenario: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            completionCandidates = ScenarioNames.class)
    String scenario;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--json", description = "print one JSON document instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Picocli completion candidates: the built-in scenario names. */
    static final class ScenarioNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ScenarioNames() {
            super(BuiltinScenarios.NAMES);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!BuiltinScenarios.NAMES.contains(scenario)) {
            err.println("aurum demo: no built-in scenario '" + scenario + "'; choose one of " + BuiltinScenarios.NAMES);
            return 2;
        }
        Scenario s = BuiltinScenarios.load(scenario);
        ReferenceAquaVm reference = new ReferenceAquaVm();
        AquaVm vm;
        try {
            vm = engine == null ? reference : EngineChoice.create(engine);
        } catch (EngineChoice.UnavailableEngine e) {
            err.println("aurum demo: " + e.getMessage());
            return 2;
        }

        NetworkRun run = s.run(vm);
        SignedTrace trace = run.trace();
        List<JsonValue> hopsJson = new ArrayList<>();
        boolean ok = true;
        if (!json) {
            out.println("Particle '" + s.name() + "' (" + s.description() + ")");
            out.println("engine: " + vm.name() + ", " + trace.hops().size() + " hops");
        }
        for (Hop hop : trace.hops()) {
            byte[] data = trace.blob(hop.outData());
            DecodedData decoded;
            try {
                decoded = DecodedData.of(data);
            } catch (DecodeException e) {
                err.println("aurum demo: hop " + hop.index() + ": Aurum cannot decode the data: " + e.getMessage());
                return 1;
            }
            if (json) {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                m.put("hop", JsonValue.of(hop.index()));
                m.put("peer", new JsonString(Names.label(s, hop.peer())));
                m.put("rounds", JsonValue.of(hop.rounds().size()));
                m.put("next_peers", strings(Names.labels(s, hop.nextPeers())));
                m.put("data_bytes", JsonValue.of(data.length));
                m.put("trace_states", JsonValue.of(decoded.data.trace().size()));
                m.put("signatures", JsonValue.of(decoded.data.signatures().signatures().size()));
                hopsJson.add(new JsonObject(m));
            } else {
                out.println("  hop " + hop.index() + "  " + pad(Names.label(s, hop.peer()), 10)
                        + " rounds " + hop.rounds().size()
                        + "  data " + data.length + " B: " + decoded.data.trace().size() + " states, "
                        + decoded.data.signatures().signatures().size() + " signatures"
                        + "  -> " + Names.labels(s, hop.nextPeers()));
            }
        }

        Hop last = trace.hops().get(trace.hops().size() - 1);
        byte[] finalData = trace.blob(last.outData());
        String ours;
        try {
            DecodedData decoded = DecodedData.of(finalData);
            ours = InterpreterDataJson.humanReadable(decoded.envelope.version(), decoded.envelope.interpreterVersion(),
                    decoded.data);
            byte[] canonical = InterpreterDataRkyv.encode(decoded.data);
            if (!InterpreterDataRkyv.decode(canonical).equals(decoded.data)) {
                err.println("aurum demo: canonical re-encoding of the final data does not decode to the same data");
                ok = false;
            }
        } catch (DecodeException e) {
            err.println("aurum demo: cannot decode the final data: " + e.getMessage());
            return 1;
        }
        String theirs = reference.toHumanReadableData(finalData);
        boolean agree = ours.equals(theirs);
        ok &= agree;

        VerificationReport report = new TraceVerifier(vm).verify(TraceCodec.encode(trace));
        ok &= report.valid();

        if (json) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("scenario", new JsonString(s.name()));
            m.put("engine", new JsonString(vm.name()));
            m.put("hops", new JsonArray(hopsJson));
            m.put("java_rendering_matches_avm_wasm", JsonBool.of(agree));
            m.put("trace_valid", JsonBool.of(report.valid()));
            if (!report.valid()) {
                m.put("failure", new JsonString(report.failure().toString()));
            }
            m.put("final_data", new JsonString(ours));
            out.println(JsonWriter.toPrettyString(new JsonObject(m)));
        } else {
            out.println();
            out.println("Final data at " + Names.label(s, last.peer()) + ", decoded and rendered by Aurum:");
            out.println(ours);
            out.println();
            out.println("Aurum's rendering equals avm.wasm's to_human_readable_data: " + (agree ? "yes" : "NO"));
            out.println("Signed trace verified hop by hop on the " + vm.name() + " engine: "
                    + (report.valid() ? "valid" : "INVALID at hop " + report.failingHop() + ": " + report.failure()));
        }
        out.flush();
        return ok ? 0 : 1;
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> items = new ArrayList<>();
        for (String v : values) {
            items.add(new JsonString(v));
        }
        return new JsonArray(items);
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** One data envelope decoded by Aurum's codecs. */
    private record DecodedData(DataEnvelope envelope, InterpreterData data) {
        static DecodedData of(byte[] bytes) throws DecodeException {
            DataEnvelope envelope = DataEnvelope.decode(bytes);
            return new DecodedData(envelope, InterpreterDataRkyv.decode(envelope.innerData()));
        }
    }
}
