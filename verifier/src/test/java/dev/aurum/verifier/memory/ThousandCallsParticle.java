package dev.aurum.verifier.memory;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
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
        NetworkRun run = ScenarioParser.parse(scenario(ROWS, COLUMNS)).run(engine);
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

    /** A client lists a rows × columns table; a worker calls ping.ping once per cell. */
    static String scenario(int rows, int columns) {
        StringBuilder table = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            table.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < columns; c++) {
                table.append(c == 0 ? "" : ",").append(r * columns + c);
            }
            table.append(']');
        }
        table.append(']');
        return "{\"name\": \"thousand-calls\","
                + " \"particle\": {\"id\": \"thousand-calls\", \"init\": \"client\", \"timestamp\": 1700000000000,"
                + " \"ttl\": 60000},"
                + " \"peers\": {\"client\": {\"items.list\": {\"return\": " + table + "}},"
                + " \"worker\": {\"ping.ping\": {\"echo\": true}}},"
                + " \"script\": [\"(seq\","
                + " \"  (call \\\"@client\\\" (\\\"items\\\" \\\"list\\\") [] rows)\","
                + " \"  (fold rows row (par (fold row i (par (call \\\"@worker\\\" (\\\"ping\\\" \\\"ping\\\") [i] $r)"
                + " (next i))) (next row))))\"]}";
    }
}
