package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.trace.TraceLimits;
import dev.aurum.verifier.CallSummary;
import dev.aurum.verifier.Failure;
import dev.aurum.verifier.HopReport;
import dev.aurum.verifier.Participant;
import dev.aurum.verifier.ReportJson;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import java.util.concurrent.Callable;

/** {@code aurum verify TRACE}: replays a signed particle trace hop by hop and prints the verdict. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Verify a signed particle trace offline, hop by hop.",
            "",
            "Checks, in order: the particle header signature; that hop 0 is the init peer; the hop chain",
            "(each hop record links to the hash of the previous one) and every hop signature; topology",
            "(data only reaches peers the sender's outcome named, each delivery once); hop times and TTL;",
            "each peer's prev data; that call results answer exactly the requested calls; then it replays",
            "every invoke round on the engine and requires the recorded outcome and data (the engine also",
            "checks CID stores, every peer's data signatures and argument hashes).",
            "",
            "Prints VALID or INVALID with the first failing hop, round, check, instruction and reason, the",
            "hops, and the participants with the service calls each performed.",
            "",
            "Example:  aurum verify fork-join.trace --report report.html"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the trace is valid", "1:the trace is invalid", "2:unreadable file or engine unavailable"})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TRACE", description = "signed trace file (canonical CBOR, docs/formats.md)")
    Path trace;

    @Option(names = "--engine", paramLabel = "ENGINE", description = EngineChoice.HELP)
    String engine;

    @Option(names = "--json", description = "print the verdict as JSON (schema in docs/formats.md)")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE",
            description = "also write an HTML report with an SVG graph of the hops (failing hop in red)")
    Path report;

    @Option(names = "--now", paramLabel = "MS",
            description = "time (ms since epoch) to check hop times and TTL against (default: the last hop's time)")
    Long now;

    @Option(names = "--in-wasm", description = "run the check inside the Wasm VM (aurum-verifier.wasm in Chicory, "
            + "java engine); prints the module hash and the gas used")
    boolean inWasm;

    @Option(names = "--gas-limit", paramLabel = "GAS", description = "with --in-wasm: abort after this many wasm "
            + "instructions (default ${DEFAULT-VALUE})")
    long gasLimit = dev.aurum.verifier.wasm.WasmVerifier.DEFAULT_GAS_LIMIT;

    @Option(names = "--chain-id", paramLabel = "ID", description = "with --in-wasm and --registry: the input is a "
            + "proof bundle made for this chain; the module runs every check that needs no chain state, then the replay")
    Long chainId;

    @Option(names = "--registry", paramLabel = "ADDRESS", description = "with --in-wasm and --chain-id: the "
            + "GoldenRegistry address the bundle's EIP-712 signatures are bound to")
    String registry;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = BoundedFile.read(trace, TraceLimits.MAX_TRACE_BYTES);
        } catch (BoundedFile.Unreadable e) {
            err.println("aurum verify: " + e.getMessage());
            return 2;
        }
        if (chainId != null || registry != null) {
            if (!inWasm || chainId == null || registry == null) {
                err.println("aurum verify: a proof bundle is verified with --in-wasm --chain-id ID --registry ADDRESS "
                        + "(all three)");
                return 2;
            }
        }
        if (inWasm) {
            if (!InWasmVerify.check(engine, report, gasLimit, err)) {
                return 2;
            }
            Eip712Domain domain = null;
            if (chainId != null) {
                try {
                    domain = Eip712Domain.golden(chainId, EvmAddress.fromHex(registry));
                } catch (IllegalArgumentException e) {
                    err.println("aurum verify: --chain-id " + chainId + " --registry " + registry + ": " + e.getMessage());
                    return 2;
                }
            }
            return InWasmVerify.run(bytes, now, gasLimit, domain, json, out, err);
        }
        AquaVm vm;
        try {
            vm = EngineChoice.create(engine);
        } catch (EngineChoice.UnavailableEngine e) {
            err.println("aurum verify: " + e.getMessage());
            return 2;
        }
        VerificationReport r = new TraceVerifier(vm).verify(bytes, now);
        if (json) {
            out.println(JsonWriter.toPrettyString(ReportJson.of(r)));
        } else {
            printText(r, out);
        }
        if (report != null) {
            try {
                Files.writeString(report, HtmlReport.render(r, trace.getFileName().toString()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("aurum verify: cannot write " + report + ": " + e.getMessage());
                return 2;
            }
            if (!json) {
                out.println("report written to " + report);
            }
        }
        out.flush();
        return r.valid() ? 0 : 1;
    }

    static void printText(VerificationReport r, PrintWriter out) {
        if (r.valid()) {
            out.println("VALID: " + r.hops().size() + " hops verified on the " + r.engine() + " engine");
        } else {
            Failure f = r.failure();
            out.println("INVALID: " + f.describe());
            out.println("  check: " + f.check().description());
        }
        if (!r.particleId().isEmpty()) {
            out.println("particle " + r.particleId() + ", init peer " + r.initPeer());
            out.println("trace sha256 " + r.traceHash() + ", now = " + r.now());
        }
        if (!r.hops().isEmpty()) {
            out.println();
            out.println("hop  peer                   from  time           rounds  next  status");
            for (HopReport h : r.hops()) {
                out.println(pad(Integer.toString(h.index()), 5) + pad(Names.shortId(h.peer()), 23)
                        + pad(h.from() < 0 ? "-" : Integer.toString(h.from()), 6) + pad(Long.toString(h.time()), 15)
                        + pad(Integer.toString(h.rounds()), 8) + pad(Integer.toString(h.nextPeers().size()), 6)
                        + statusName(h.status()));
            }
        }
        if (!r.participants().isEmpty()) {
            out.println();
            out.println("participants (verified hops only):");
            for (Participant p : r.participants()) {
                out.println("  " + p.peer() + "  hops " + p.hops());
                for (CallSummary c : p.calls()) {
                    out.println("    " + c.service() + "." + c.function() + c.arguments() + " -> "
                            + (c.retCode() == 0 ? "" : "error " + c.retCode() + " ") + c.result());
                }
            }
        }
    }

    private static String statusName(HopReport.Status s) {
        return switch (s) {
            case VERIFIED -> "verified";
            case FAILED -> "FAILED";
            case NOT_CHECKED -> "not checked";
        };
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.append(sb.length() > width ? " " : "").toString();
    }
}
