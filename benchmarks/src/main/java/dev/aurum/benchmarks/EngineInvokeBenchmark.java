package dev.aurum.benchmarks;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.runtime.ScenarioParser;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One engine invoke, on the inputs the engine really sees in a scenario: each scenario is run once on
 * the in-process network in setup, every {@code invoke} call is recorded, and each benchmark operation
 * replays the next recorded invoke (cycling), so the score is the mean time per invoke over the
 * scenario. Each operation gets a fresh engine instance, so the Java engine's memo (key pairs,
 * verified signatures, parsed scripts) starts empty and replaying the same invoke again cannot hit
 * it: the scores are the cost of an invoke that sees its inputs for the first time.
 *
 * <ul>
 *   <li>{@code forkJoin}: every invoke of the built-in fork-join scenario (16 invokes, 6 hops).</li>
 *   <li>{@code fold100}: every invoke of a 100-call parallel fold (a client lists 100 items, a worker
 *       calls a service for each).</li>
 *   <li>{@code thousandResults}: the single invoke that applies 1,000 call results (the worker's
 *       second round in a 40 × 25 nested parallel fold; a flat 1,000-item fold exhausts avm.wasm's
 *       call stack in Chicory).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EngineInvokeBenchmark {

    /** The engine under test: the Java interpreter or avm.wasm 0.62.0 in Chicory. */
    @Param({"java", "reference"})
    public String engine;

    private AquaVm vm;
    private List<Invoke> forkJoin;
    private List<Invoke> fold100;
    private Invoke thousandResults;
    private int forkJoinNext;
    private int fold100Next;

    /** The inputs of one recorded invoke. */
    record Invoke(String air, byte[] prev, byte[] current, RunParameters params, byte[] callResults,
                  long recordedRetCode) {

        InterpreterOutcome replay(AquaVm vm) {
            return vm.invoke(air, prev, current, params, callResults);
        }
    }

    /** Records every invoke a scenario run makes. */
    static final class Recorder implements AquaVm {
        private final AquaVm engine;
        final List<Invoke> invokes = new ArrayList<>();

        Recorder(AquaVm engine) {
            this.engine = engine;
        }

        @Override
        public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                         byte[] callResults) {
            InterpreterOutcome o = engine.invoke(air, prevData, currentData, params, callResults);
            invokes.add(new Invoke(air, prevData, currentData, params, callResults, o.retCode()));
            return o;
        }

        @Override
        public String name() {
            return engine.name();
        }
    }

    @Setup
    public void record() throws DecodeException {
        vm = TraceVerifyBenchmark.engine(engine);
        forkJoin = recordRun(BuiltinScenarios.load("fork-join"));
        fold100 = recordRun(ScenarioParser.parse(flatFold(100)));
        List<Invoke> thousand = recordRun(ScenarioParser.parse(BuiltinScenarios.wideFoldJson(40, 25)));
        thousandResults = largestCallResults(thousand);
        for (Invoke i : concat(forkJoin, fold100, List.of(thousandResults))) {
            InterpreterOutcome o = i.replay(vm);
            if (o.retCode() != i.recordedRetCode() || o.retCode() != 0) {
                throw new IllegalStateException("replayed invoke gives ret code " + o.retCode() + ": " + o.errorMessage());
            }
        }
    }

    private List<Invoke> recordRun(Scenario scenario) {
        Recorder recorder = new Recorder(vm);
        scenario.run(recorder);
        return List.copyOf(recorder.invokes);
    }

    private static Invoke largestCallResults(List<Invoke> invokes) {
        Invoke best = invokes.get(0);
        for (Invoke i : invokes) {
            if (i.callResults().length > best.callResults().length) {
                best = i;
            }
        }
        return best;
    }

    @SafeVarargs
    private static List<Invoke> concat(List<Invoke>... lists) {
        List<Invoke> out = new ArrayList<>();
        for (List<Invoke> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    /** A client lists {@code n} items; a worker calls a service on each in a parallel fold. */
    static String flatFold(int n) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        items.append(']');
        return "{\"name\": \"fold-" + n + "\","
                + " \"particle\": {\"id\": \"fold-" + n + "\", \"init\": \"client\", \"timestamp\": 1700000000000,"
                + " \"ttl\": 60000},"
                + " \"peers\": {\"client\": {\"items.list\": {\"return\": " + items + "}},"
                + " \"worker\": {\"ping.ping\": {\"echo\": true}}},"
                + " \"script\": [\"(seq\","
                + " \"  (call \\\"@client\\\" (\\\"items\\\" \\\"list\\\") [] items)\","
                + " \"  (fold items i (par (call \\\"@worker\\\" (\\\"ping\\\" \\\"ping\\\") [i] $r) (next i))))\"]}";
    }

    /** Mean per invoke over the fork-join scenario's invokes. */
    @Benchmark
    public InterpreterOutcome forkJoin() {
        Invoke i = forkJoin.get(forkJoinNext);
        forkJoinNext = (forkJoinNext + 1) % forkJoin.size();
        return i.replay(TraceVerifyBenchmark.engine(engine));
    }

    /** Mean per invoke over the 100-call fold scenario's invokes. */
    @Benchmark
    public InterpreterOutcome fold100() {
        Invoke i = fold100.get(fold100Next);
        fold100Next = (fold100Next + 1) % fold100.size();
        return i.replay(TraceVerifyBenchmark.engine(engine));
    }

    /** The invoke that applies 1,000 call results. */
    @Benchmark
    public InterpreterOutcome thousandResults() {
        return thousandResults.replay(TraceVerifyBenchmark.engine(engine));
    }
}
