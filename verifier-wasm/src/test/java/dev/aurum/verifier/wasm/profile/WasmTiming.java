package dev.aurum.verifier.wasm.profile;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Dev tool for exploring (not a benchmark: claims come from JMH): thread CPU time of fresh-instance runs of
 * several module variants, compiled at run time by Chicory's compiler (which needs chicory compiler and
 * ASM on the class path), interleaved, median of the measured rounds per variant.
 *
 * <pre>java -cp ... WasmTiming INPUT ROUNDS MODULE.wasm [MODULE.wasm ...]</pre>
 */
public final class WasmTiming {

    /** Thread CPU time, not wall time: the machine is shared, and CPU time is far less disturbed by load. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private WasmTiming() {
    }

    public static void main(String[] args) throws Exception {
        byte[] input = Files.readAllBytes(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        int n = args.length - 2;
        WasmModule[] modules = new WasmModule[n];
        @SuppressWarnings("unchecked")
        Function<Instance, Machine>[] machines = new Function[n];
        Class<?> compiler = Class.forName("com.dylibso.chicory.compiler.MachineFactoryCompiler");
        Method compile = compiler.getMethod("compile", WasmModule.class);
        for (int i = 0; i < n; i++) {
            modules[i] = Parser.parse(Files.readAllBytes(Path.of(args[i + 2])));
            @SuppressWarnings("unchecked")
            Function<Instance, Machine> m = (Function<Instance, Machine>) compile.invoke(null, modules[i]);
            machines[i] = m;
        }
        long[][] times = new long[n][rounds];
        int[] outLength = new int[n];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                outLength[i] = run(modules[i], machines[i], input);
                times[i][r] = CPU.getCurrentThreadCpuTime() - t0;
            }
        }
        for (int i = 0; i < n; i++) {
            long[] second = Arrays.copyOfRange(times[i], rounds / 2, rounds);
            Arrays.sort(second);
            System.out.printf("%-60s CPU median %.2f ms, min %.2f ms (second half of %d rounds), output %d bytes%n",
                    args[i + 2], second[second.length / 2] / 1e6, second[0] / 1e6, rounds, outLength[i]);
        }
    }

    /** A metered module's gas global starts at a limit it cannot reach; other globals as declared. */
    static com.dylibso.chicory.runtime.GlobalFactory plentyOfGas(WasmModule module) {
        int gas = -1;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            var e = module.exportSection().getExport(i);
            if (e.name().equals("aurum_gas")) {
                gas = e.index();
            }
        }
        int gasIndex = gas;
        int[] next = {module.importSection().count(com.dylibso.chicory.wasm.types.ExternalType.GLOBAL)};
        return (low, high, type, mutability) -> {
            int index = next[0]++;
            return index == gasIndex ? new com.dylibso.chicory.runtime.GlobalInstance(Long.MAX_VALUE / 2, 0, type, mutability)
                    : new com.dylibso.chicory.runtime.GlobalInstance(low, high, type, mutability);
        };
    }

    static int run(WasmModule module, Function<Instance, Machine> machine, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiOptions options = DevWasi.options(input, out, List.of("aurum-verifier"));
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMemoryLimits(DevWasi.memoryLimits(module))
                    .withMemoryFactory(ByteArrayMemory::new)
                    .withMachineFactory(machine)
                    .withGlobalFactory(plentyOfGas(module))
                    .build();
        } catch (WasiExitException e) {
            return -e.exitCode();
        }
        return out.size();
    }
}
