package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.aurum.aquavm.reference.aot.AvmAot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * avm.wasm prepared once per JVM: patched for the running Chicory and ready to instantiate;
 * {@link #newInstance} then makes cheap fresh instances from it.
 *
 * <p>{@link Mode#COMPILED} (the default) uses the build-time AOT output of
 * {@code chicory-compiler-maven-plugin}: JVM classes for every function except those listed in
 * {@code aot.properties} (SIMD users and one function too large for a JVM method), plus the stripped
 * "meta" module that keeps only those functions' bodies. {@link Mode#INTERPRETED} runs the full
 * avm.wasm (sha256-checked) in the SIMD interpreter; it is slow and serves as a cross-check.
 *
 * <p>Either way: find the functions that use SIMD; run {@link V128LocalProbe}; if Chicory still swaps
 * v128 local halves, prove {@link V128LocalRewriter} on the probe module, rewrite the SIMD functions
 * and parse the rewritten bytes. Interpreted functions run in a machine with {@link SimdOps}.
 */
public final class AvmModule {

    /** Classpath location of the full wasm; the build copies it there after checking its sha256. */
    public static final String WASM_RESOURCE = "/dev/aurum/aquavm/reference/avm.wasm";
    /** sha256 of {@code @fluencelabs/avm@0.62.0}'s {@code dist/avm.wasm}. */
    public static final String EXPECTED_SHA256 = "4a9f248d19582a4c0c638a3e4485d092dbf707dd7ad766f5320698b082010eba";

    /**
     * Cap on the instance's linear memory: 16384 pages = 1 GiB (the module declares 10 MiB and no
     * maximum). Hostile input then ends in a trap instead of exhausting the JVM heap; AquaVM's own
     * particle limit is 64 MiB, far below it.
     */
    public static final int MAX_MEMORY_PAGES = 16_384;

    static final String AOT_META_RESOURCE = "/dev/aurum/aquavm/reference/aot/AvmAot.meta";
    static final String AOT_PROPERTIES_RESOURCE = "/dev/aurum/aquavm/reference/aot.properties";

    /** How the functions of the module are executed. */
    public enum Mode {
        /** Build-time compiled JVM code for all but the SIMD and oversized functions: a few ms per invoke. */
        COMPILED,
        /** Everything in the SIMD interpreter: about 100 ms per invoke; a cross-check of the compiled set-up. */
        INTERPRETED
    }

    private static volatile AvmModule defaultCompiled;

    private final WasmModule module;
    private final String sha256;
    private final Mode mode;
    private final V128LocalProbe.Behaviour v128Behaviour;
    private final Set<Integer> simdFunctions;
    private final Set<Integer> interpretedFunctions;
    private final V128LocalRewriter.Result rewrite;
    private final Function<Instance, Machine> machineFactory;
    private final MemoryLimits memoryLimits;

    private AvmModule(byte[] wasm, String sha256, Mode mode, Set<Integer> aotInterpreted) {
        this.sha256 = sha256;
        this.mode = mode;
        WasmModule parsed = Parser.parse(wasm);
        this.simdFunctions = Collections.unmodifiableSet(InterpretedFunctions.simdFunctions(parsed));
        this.v128Behaviour = V128LocalProbe.probe();
        if (v128Behaviour == V128LocalProbe.Behaviour.HALVES_SWAPPED) {
            if (V128LocalProbe.probeWithWorkaround() != V128LocalProbe.Behaviour.CORRECT) {
                throw new IllegalStateException("the v128 local rewrite does not fix this Chicory's v128 locals");
            }
            this.rewrite = V128LocalRewriter.rewrite(wasm, parsed, simdFunctions);
            parsed = Parser.parse(rewrite.bytes());
        } else {
            this.rewrite = null;
        }
        this.module = parsed;
        int initialPages = parsed.memorySection().orElseThrow(
                () -> new IllegalStateException("avm.wasm defines no memory")).getMemory(0).limits().initialPages();
        this.memoryLimits = new MemoryLimits(initialPages, Math.max(initialPages, MAX_MEMORY_PAGES));
        if (mode == Mode.COMPILED) {
            checkAotInterpretedSet(parsed, simdFunctions, aotInterpreted);
            this.interpretedFunctions = Collections.unmodifiableSet(new TreeSet<>(aotInterpreted));
            int[] ids = interpretedFunctions.stream().mapToInt(Integer::intValue).toArray();
            boolean[] flags = new boolean[functionCount(parsed)];
            for (int id : ids) {
                flags[id] = true;
            }
            this.machineFactory = instance -> new HybridMachine(AvmAot.create(instance),
                    new SimdCompilerInterpreterMachine(instance, ids), flags);
        } else {
            Set<Integer> all = new TreeSet<>();
            for (int i = 0; i < functionCount(parsed); i++) {
                all.add(i);
            }
            this.interpretedFunctions = Collections.unmodifiableSet(all);
            this.machineFactory = SimdInterpreterMachine::new;
        }
    }

    /** The pinned avm.wasm, build-time compiled; prepared once and shared (it is immutable). */
    public static AvmModule load() {
        AvmModule m = defaultCompiled;
        if (m == null) {
            synchronized (AvmModule.class) {
                m = defaultCompiled;
                if (m == null) {
                    m = load(Mode.COMPILED);
                    defaultCompiled = m;
                }
            }
        }
        return m;
    }

    /** The pinned avm.wasm prepared for {@code mode} (a new preparation on every call). */
    public static AvmModule load(Mode mode) {
        Properties aot = aotProperties();
        if (mode == Mode.COMPILED) {
            return new AvmModule(readResource(AOT_META_RESOURCE), aot.getProperty("wasm.sha256"), mode,
                    parseFunctionList(aot.getProperty("interpreted", "")));
        }
        byte[] wasm = readResource(WASM_RESOURCE);
        String actual = sha256Hex(wasm);
        if (!actual.equals(EXPECTED_SHA256)) {
            throw new IllegalStateException("avm.wasm on the classpath has sha256 " + actual
                    + ", expected " + EXPECTED_SHA256);
        }
        return new AvmModule(wasm, actual, mode, Set.of());
    }

    /** A fresh instance with its own memory and deterministic host; {@code _start} has run. */
    public AvmInstance newInstance() {
        return AvmInstance.create(this);
    }

    Instance instantiate(DeterministicHost host) {
        return Instance.builder(module)
                .withImportValues(host.importValues())
                .withMemoryLimits(memoryLimits)
                .withMachineFactory(machineFactory)
                .build();
    }

    public Mode mode() {
        return mode;
    }

    /** sha256 of the avm.wasm this module was built from (checked by the build, and again here when interpreted). */
    public String sha256() {
        return sha256;
    }

    /** What the start-up self-test found about Chicory's v128 locals. */
    public V128LocalProbe.Behaviour v128LocalBehaviour() {
        return v128Behaviour;
    }

    /** Function indices (imports counted) whose bodies use SIMD, computed from the module. */
    public Set<Integer> simdFunctions() {
        return simdFunctions;
    }

    /** Functions run by the interpreter: SIMD users plus those too large to compile (all, if interpreted). */
    public Set<Integer> interpretedFunctions() {
        return interpretedFunctions;
    }

    /** Number of v128 local.set instructions patched by the workaround (0 if not needed). */
    public int patchedLocalSets() {
        return rewrite == null ? 0 : rewrite.patchedSets();
    }

    /** Number of v128 local.tee instructions patched by the workaround (0 if not needed). */
    public int patchedLocalTees() {
        return rewrite == null ? 0 : rewrite.patchedTees();
    }

    /**
     * The list from aot.properties must match the meta module the plugin wrote (it keeps real bodies
     * exactly for the functions left to the interpreter) and cover every SIMD function.
     */
    static void checkAotInterpretedSet(WasmModule meta, Set<Integer> simd, Set<Integer> interpreted) {
        int total = functionCount(meta);
        int imported = total - meta.functionSection().functionCount();
        for (int id : interpreted) {
            if (id < imported || id >= total) {
                throw new IllegalStateException("aot.properties names function " + id
                        + ", not a defined function of the module (" + imported + ".." + (total - 1) + ")");
            }
        }
        List<FunctionBody> bodies = InterpretedFunctions.bodies(meta);
        for (int i = 0; i < bodies.size(); i++) {
            if (!isCompiledStub(bodies.get(i)) && !interpreted.contains(imported + i)) {
                throw new IllegalStateException("the AOT meta module keeps the body of function " + (imported + i)
                        + ", which aot.properties does not list as interpreted");
            }
        }
        if (!interpreted.containsAll(simd)) {
            Set<Integer> missing = new TreeSet<>(simd);
            missing.removeAll(interpreted);
            throw new IllegalStateException("SIMD functions " + missing
                    + " are not interpreted; add them to avm.aot.interpreted in aquavm-reference/pom.xml");
        }
    }

    /** The plugin replaces each compiled function's body in the meta module by {@code unreachable}. */
    private static boolean isCompiledStub(FunctionBody body) {
        List<? extends Instruction> code = body.instructions();
        return body.localTypes().isEmpty() && code.size() == 2
                && code.get(0).opcode() == OpCode.UNREACHABLE && code.get(1).opcode() == OpCode.END;
    }

    static Set<Integer> parseFunctionList(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String part : list.split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(id));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("bad function index '" + id + "' in " + AOT_PROPERTIES_RESOURCE, e);
            }
        }
        return out;
    }

    private static int functionCount(WasmModule module) {
        return module.importSection().count(ExternalType.FUNCTION) + module.functionSection().functionCount();
    }

    private static Properties aotProperties() {
        Properties p = new Properties();
        try (InputStream in = AvmModule.class.getResourceAsStream(AOT_PROPERTIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + AOT_PROPERTIES_RESOURCE + " is missing");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AOT_PROPERTIES_RESOURCE, e);
        }
    }

    static byte[] readResource(String name) {
        try (InputStream in = AvmModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name
                        + " is missing; the aquavm-reference build creates it after npm ci");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
