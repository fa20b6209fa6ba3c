package dev.aurum.benchmarks.wasm;

import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.CanonicalVerdict;
import dev.aurum.verifier.wasm.WasmVerdict;
import dev.aurum.verifier.wasm.WasmVerifier;
import java.util.concurrent.TimeUnit;
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

/**
 * One verification of a built-in scenario's honest trace (recorded on avm.wasm): the JVM verifier
 * ({@code CanonicalVerdict}, Java engine) against the same verifier inside aurum-verifier.wasm
 * (Chicory, build-time compiled, gas-metered, fresh instance per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// Chicory compiles big Wasm functions to JVM methods over HotSpot's 8,000-byte JIT limit; without this flag those
// run in the bytecode interpreter (verifier-wasm/README.md, "Host JVM"). Both methods run in this fork.
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
public class WasmVerifierBenchmark {

    @Param({"fork-join"})
    public String scenario;

    private byte[] trace;
    private WasmVerifier wasm;

    @Setup
    public void record() {
        trace = TraceCodec.encode(BuiltinScenarios.load(scenario).run(new ReferenceAquaVm(AvmModule.load())).trace());
        wasm = WasmVerifier.load();
        WasmVerdict v = wasm.verify(trace, null);
        if (v.status() != WasmVerdict.Status.VERDICT) {
            throw new IllegalStateException("no verdict: " + v.detail());
        }
    }

    @Benchmark
    public byte[] jvm() {
        return CanonicalVerdict.of(trace, null);
    }

    @Benchmark
    public WasmVerdict wasm() {
        return wasm.verify(trace, null);
    }
}
