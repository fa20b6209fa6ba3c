package dev.aurum.aquavm.reference;

import com.dylibso.chicory.wasm.Parser;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.util.Arrays;

/**
 * A quick wall-clock measurement for the README (not a benchmark; JMH numbers come later in
 * {@code benchmarks}). Run by hand: {@code java -cp <test classpath> dev.aurum.aquavm.reference.QuickMeasure [interpreted]}.
 */
public final class QuickMeasure {

    private QuickMeasure() {
    }

    public static void main(String[] args) {
        boolean interpreted = args.length > 0 && args[0].equals("interpreted");
        int warmup = interpreted ? 20 : 300;
        int measured = interpreted ? 30 : 200;
        long t0 = System.nanoTime();
        AvmModule module = AvmModule.load(interpreted ? AvmModule.Mode.INTERPRETED : AvmModule.Mode.COMPILED);
        long t1 = System.nanoTime();
        System.out.printf("prepare (%s): %.0f ms%n", module.mode(), (t1 - t0) / 1e6);

        TestPeer p = TestPeer.named("measure");
        RunParameters params = Hops.params(p, p);
        String air = SingleCallScenarioTest.AIR;
        byte[] none = new byte[0];
        ReferenceAquaVm vm = new ReferenceAquaVm(module);
        InterpreterOutcome first = vm.invoke(air, none, none, params, Hops.NO_CALL_RESULTS);
        byte[] results = Hops.result(1, "\"hello\"");

        try (AvmInstance reused = module.newInstance()) {
            report("fresh instance only", warmup, measured, () -> module.newInstance().close());
            report("invoke#1 fresh instance", warmup, measured,
                    () -> vm.invoke(air, none, none, params, Hops.NO_CALL_RESULTS));
            report("invoke#2 fresh instance", warmup, measured,
                    () -> vm.invoke(air, first.data(), none, params, results));
            report("invoke#1 reused instance", warmup, measured,
                    () -> reused.invoke(air, none, none, params, Hops.NO_CALL_RESULTS));
            report("invoke#2 reused instance", warmup, measured,
                    () -> reused.invoke(air, first.data(), none, params, results));
        }
    }

    private static void report(String name, int warmup, int measured, Runnable action) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[measured];
        double[] cpu = new double[measured];
        for (int i = 0; i < measured; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - a) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-26s wall median %.2f ms (p10 %.2f, p90 %.2f), thread CPU median %.2f ms; n=%d after %d warm-up%n",
                name, ms[measured / 2], ms[measured / 10], ms[measured * 9 / 10], cpu[measured / 2], measured, warmup);
    }
}
