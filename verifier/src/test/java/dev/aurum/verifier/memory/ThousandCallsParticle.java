package dev.aurum.verifier.memory;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.NetworkRun;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;

/**
 * Runs a particle with 1,000 call results on the Java engine (a worker answers a 40 × 25 nested
 * parallel fold), then verifies its signed trace, and prints one summary line. {@link
 * ThousandCallsMemoryTest} starts it in a child JVM with a 64 MiB heap.
 */
public final class ThousandCallsParticle {

    static final int ROWS = 40;
    static final int COLUMNS = 25;

    private ThousandCallsParticle() {
    }

    public static void main(String[] args) throws DecodeException {
        JavaAquaVm engine = new JavaAquaVm();
        NetworkRun run = ScenarioParser.parse(BuiltinScenarios.wideFoldJson(ROWS, COLUMNS)).run(engine);
        byte[] trace = TraceCodec.encode(run.trace());
        int calls = 0;
        for (var hop : run.serviceCallsPerHop()) {
            calls += hop.size();
        }
        VerificationReport report = new TraceVerifier(new JavaAquaVm()).verify(trace);
        System.out.println("hops=" + run.trace().hops().size() + " calls=" + calls + " trace_bytes=" + trace.length
                + " valid=" + report.valid() + " max_heap=" + Runtime.getRuntime().maxMemory());
        if (!report.valid()) {
            System.out.println(report.failure().describe());
            System.exit(2);
        }
    }
}
