package dev.aurum.verifier.wasm.profile;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dev tool (not a test): where a verification's wasm instructions go. Runs a module (best the
 * unminified build, {@code -Dteavm.minifying=false}, whose name section names TeaVM's functions) in
 * Chicory's interpreter with an execution listener, counting the instructions of every function, self
 * and inclusive (callees included), and calls. Counts are the interpreter's, the same as gas.
 *
 * <pre>
 * java -cp ... dev.aurum.verifier.wasm.profile.WasmProfiler MODULE.wasm INPUT [TOP] [--args=--now=1,...]
 * </pre>
 */
public final class WasmProfiler {

    private WasmProfiler() {
    }

    public static void main(String[] args) throws IOException {
        byte[] wasm = Files.readAllBytes(Path.of(args[0]));
        byte[] input = args[1].equals("-") ? new byte[0] : Files.readAllBytes(Path.of(args[1]));
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> wasiArgs = new ArrayList<>(List.of("aurum-verifier"));
        if (args.length > 3 && args[3].startsWith("--args=")) {
            wasiArgs.addAll(Arrays.asList(args[3].substring("--args=".length()).split(",")));
        }
        String callersOf = System.getProperty("profile.callers", "");
        Profile p = run(wasm, input, wasiArgs, List.of(callersOf.isEmpty() ? new String[0] : callersOf.split(",")));
        p.print(top);
    }

    /** Per-function counts of one run. */
    public static final class Profile implements com.dylibso.chicory.runtime.ExecutionListener {
        final WasmModule module;
        final int imported;
        final int[] bodyStart;
        final long[] self;
        final long[] inclusive;
        final long[] calls;
        final int[] onStack;
        final int[] stack = new int[100_000];
        final long[] entry = new long[100_000];
        int depth = -1;
        long total;
        boolean lastWasCall;
        long startFunctionCount = -1;
        String stdout = "";
        int exitCode;
        /** Functions whose callers are counted (-Dprofile.callers=name,name), and the counts. */
        final boolean[] watched;
        final Map<String, Long> callers = new TreeMap<>();

        Profile(WasmModule module, List<String> callersOf) {
            this.module = module;
            this.imported = module.importSection().count(ExternalType.FUNCTION);
            FunctionBody[] bodies = module.codeSection().functionBodies();
            bodyStart = new int[bodies.length];
            for (int i = 0; i < bodies.length; i++) {
                bodyStart[i] = bodies[i].instructions().get(0).address();
            }
            int n = imported + bodies.length;
            self = new long[n];
            inclusive = new long[n];
            calls = new long[n];
            onStack = new int[n];
            watched = new boolean[n];
            for (int f = 0; f < n; f++) {
                watched[f] = callersOf.contains(name(f));
            }
        }

        int functionAt(int address) {
            int i = Arrays.binarySearch(bodyStart, address);
            return imported + (i >= 0 ? i : -i - 2);
        }

        @Override
        public void onExecution(Instruction ins, MStack stack) {
            int f = functionAt(ins.address());
            if (depth < 0 || this.stack[depth] != f) {
                if (depth < 0 || lastWasCall) {
                    push(f);
                } else {
                    while (depth >= 0 && this.stack[depth] != f) {
                        pop();
                    }
                    if (depth < 0) {
                        push(f);
                    }
                }
            }
            OpCode op = ins.opcode();
            lastWasCall = op == OpCode.CALL || op == OpCode.CALL_INDIRECT;
            total++;
            self[f]++;
        }

        private void push(int f) {
            depth++;
            stack[depth] = f;
            entry[depth] = total;
            calls[f]++;
            onStack[f]++;
            if (watched[f] && depth > 0) {
                callers.merge(name(f) + " <- " + name(stack[depth - 1]), 1L, Long::sum);
            }
        }

        private void pop() {
            int f = stack[depth];
            onStack[f]--;
            if (onStack[f] == 0) {
                inclusive[f] += total - entry[depth];
            }
            depth--;
        }

        void finish() {
            while (depth >= 0) {
                pop();
            }
        }

        String name(int f) {
            NameCustomSection names = module.nameSection();
            String n = names == null ? null : names.nameOfFunction(f);
            return n == null ? "f" + f : n;
        }

        void print(int top) {
            System.out.println("total instructions: " + total + "; exit " + exitCode + "; stdout " + stdout.length()
                    + " chars: " + (stdout.length() > 200 ? stdout.substring(0, 200) + "..." : stdout));
            Integer[] order = new Integer[self.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            callers.forEach((k, v) -> System.out.printf("%9d calls  %s%n", v, k));
            System.out.println("\n== inclusive (callees included) ==");
            Arrays.sort(order, Comparator.comparingLong((Integer i) -> -inclusive[i]));
            for (int i = 0; i < top; i++) {
                int f = order[i];
                System.out.printf("%12d %5.1f%% %9d calls  %s%n", inclusive[f], 100.0 * inclusive[f] / total,
                        calls[f], name(f));
            }
            System.out.println("\n== self ==");
            Arrays.sort(order, Comparator.comparingLong((Integer i) -> -self[i]));
            for (int i = 0; i < top; i++) {
                int f = order[i];
                System.out.printf("%12d %5.1f%% %9d calls  %s%n", self[f], 100.0 * self[f] / total, calls[f], name(f));
            }
            System.out.println("\n== self by class ==");
            Map<String, Long> byClass = new TreeMap<>();
            for (int f = 0; f < self.length; f++) {
                if (self[f] > 0) {
                    byClass.merge(className(name(f)), self[f], Long::sum);
                }
            }
            byClass.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(top)
                    .forEach(e -> System.out.printf("%12d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / total,
                            e.getKey()));
        }

        /** TeaVM names methods {@code meth_pkg_Class_method}: keep up to the last component starting upper-case. */
        private static String className(String name) {
            String[] parts = name.split("_");
            int last = -1;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                    last = i;
                }
            }
            return last < 0 ? name : String.join("_", Arrays.copyOf(parts, last + 1));
        }
    }

    public static Profile run(byte[] wasm, byte[] input, List<String> args, List<String> callersOf) {
        WasmModule module = Parser.parse(wasm);
        Profile p = new Profile(module, callersOf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiOptions options = DevWasi.options(input, out, args);
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMemoryLimits(DevWasi.memoryLimits(module))
                    .withMemoryFactory(ByteArrayMemory::new)
                    .withUnsafeExecutionListener(p)
                    .build();
        } catch (WasiExitException e) {
            p.exitCode = e.exitCode();
        }
        p.finish();
        p.stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        return p;
    }
}
