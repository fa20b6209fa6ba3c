package dev.aurum.benchmarks;

import dev.aurum.proofs.runtime.MemoizingAquaVm;
import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Verifying signed traces: the fork-join trace (6 hops, 4 service calls) and a 1,000-call trace
 * (one worker answers 1,000 calls of a parallel fold), on one thread, warm. Traces are recorded in
 * setup on the same engine. Each verification gets a fresh verifier and engine (cold memo).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TraceVerifyBenchmark {

    /** The engine that replays the trace: the Java interpreter or avm.wasm in Chicory. */
    @Param({"java", "reference"})
    public String engine;

    private TraceVerifier verifier;
    private TraceVerifier verifierWithoutEngineCost;
    private byte[] forkJoin;
    private byte[] thousandCalls;

    @Setup
    public void record() throws DecodeException {
        AquaVm vm = engine(engine);
        verifier = new TraceVerifier(vm);
        forkJoin = TraceCodec.encode(BuiltinScenarios.load("fork-join").run(vm).trace());
        thousandCalls = TraceCodec.encode(ScenarioParser.parse(BuiltinScenarios.wideFoldJson(40, 25)).run(vm).trace());
        verifierWithoutEngineCost = new TraceVerifier(new MemoizingAquaVm(vm));
        verifierWithoutEngineCost.verify(forkJoin);
        verifierWithoutEngineCost.verify(thousandCalls);
        for (byte[] t : new byte[][] {forkJoin, thousandCalls}) {
            VerificationReport r = verifier.verify(t);
            if (!r.valid()) {
                throw new IllegalStateException("benchmark trace does not verify: " + r.failure().describe());
            }
        }
    }

    static AquaVm engine(String name) {
        switch (name) {
            case "java":
                return new JavaAquaVm();
            case "reference":
                return new ReferenceAquaVm();
            default:
                throw new IllegalArgumentException("unknown engine " + name);
        }
    }

    /**
     * A fresh verifier and engine per trace: the engine's memo (key pairs, verified signatures, parsed
     * script) starts empty, so repeating the same trace does not hide the cost of its signatures.
     */
    @Benchmark
    public VerificationReport verifyForkJoin() {
        return new TraceVerifier(engine(engine)).verify(forkJoin);
    }

    /** The verifier's own work: engine outcomes come from a table filled in setup. */
    @Benchmark
    public VerificationReport verifyForkJoinVerifierOnly() {
        return verifierWithoutEngineCost.verify(forkJoin);
    }

    @Benchmark
    public VerificationReport verifyThousandCallsVerifierOnly() {
        return verifierWithoutEngineCost.verify(thousandCalls);
    }

    /** The codec alone: decode, including the canonical re-encoding check. */
    @Benchmark
    public SignedTrace decodeForkJoin() throws DecodeException {
        return TraceCodec.decode(forkJoin);
    }

    @Benchmark
    public VerificationReport verifyThousandCalls() {
        return new TraceVerifier(engine(engine)).verify(thousandCalls);
    }
}
