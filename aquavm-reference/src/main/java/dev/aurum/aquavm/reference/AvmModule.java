package dev.aurum.aquavm.reference;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * avm.wasm prepared once per JVM: checked, parsed, patched for the running Chicory and (by default)
 * compiled; {@link #newInstance} then makes cheap fresh instances from it.
 *
 * <p>Preparation: (1) read the classpath resource and check its sha256; (2) parse it with Chicory
 * and find the functions using SIMD; (3) run {@link V128LocalProbe}: if Chicory still swaps v128 local
 * halves, rewrite those functions ({@link V128LocalRewriter}), prove the rewrite on the probe module,
 * and parse the rewritten bytes; (4) compile everything except the SIMD functions and those too large
 * for a JVM method with Chicory's runtime compiler; the rest runs in {@link SimdCompilerInterpreterMachine}.
 */
public final class AvmModule {

    /** Classpath location of the wasm; the build copies it there after checking its sha256. */
    public static final String RESOURCE = "/dev/aurum/aquavm/reference/avm.wasm";
    /** sha256 of {@code @fluencelabs/avm@0.62.0}'s {@code dist/avm.wasm}. */
    public static final String EXPECTED_SHA256 = "4a9f248d19582a4c0c638a3e4485d092dbf707dd7ad766f5320698b082010eba";

    /**
     * Functions of known modules (by sha256) that Chicory's compiler rejects as too large for one JVM
     * method, found by the discovery loop in {@link #compile}; giving them up front saves one full
     * compilation. Wrong or missing entries only cost time: the loop still finds the real set.
     */
    private static final Map<String, Set<Integer>> KNOWN_TOO_LARGE = Map.of(EXPECTED_SHA256, Set.of(8));
    private static final int MAX_COMPILE_ATTEMPTS = 8;

    /** How the functions of the module are executed. */
    public enum Mode {
        /** Chicory's compiler for all but the SIMD and oversized functions: a few ms per invoke. */
        COMPILED,
        /** Everything in the SIMD interpreter: tens of ms per invoke, no compile at start-up. */
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

    private AvmModule(byte[] wasm, Mode mode) {
        this.sha256 = sha256Hex(wasm);
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
        if (mode == Mode.COMPILED) {
            Set<Integer> interpreted = new TreeSet<>(simdFunctions);
            interpreted.addAll(KNOWN_TOO_LARGE.getOrDefault(sha256, Set.of()));
            this.machineFactory = compile(parsed, interpreted);
            this.interpretedFunctions = Collections.unmodifiableSet(interpreted);
        } else {
            this.machineFactory = SimdInterpreterMachine::new;
            this.interpretedFunctions = Collections.unmodifiableSet(new TreeSet<>(allFunctions(parsed)));
        }
    }

    /** The pinned avm.wasm from the classpath, compiled; prepared once and shared (it is immutable). */
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

    /** The pinned avm.wasm from the classpath, prepared for {@code mode}. */
    public static AvmModule load(Mode mode) {
        byte[] wasm = readResource();
        String actual = sha256Hex(wasm);
        if (!actual.equals(EXPECTED_SHA256)) {
            throw new IllegalStateException("avm.wasm on the classpath has sha256 " + actual
                    + ", expected " + EXPECTED_SHA256);
        }
        return new AvmModule(wasm, mode);
    }

    /** Prepares arbitrary module bytes (tests; no sha256 pin). */
    static AvmModule fromBytes(byte[] wasm, Mode mode) {
        return new AvmModule(wasm, mode);
    }

    /** A fresh instance with its own memory and deterministic host; {@code _start} has run. */
    public AvmInstance newInstance() {
        return AvmInstance.create(this);
    }

    Instance instantiate(DeterministicHost host) {
        return Instance.builder(module)
                .withImportValues(host.importValues())
                .withMachineFactory(machineFactory)
                .build();
    }

    public Mode mode() {
        return mode;
    }

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

    /** Number of v128 local.set / local.tee instructions patched by the workaround (0 if not needed). */
    public int patchedLocalSets() {
        return rewrite == null ? 0 : rewrite.patchedSets();
    }

    public int patchedLocalTees() {
        return rewrite == null ? 0 : rewrite.patchedTees();
    }

    /**
     * Compiles with a fixed interpreted set; whenever Chicory reports a function too large for a JVM
     * method, adds it to {@code interpreted} and tries again.
     */
    private static Function<Instance, Machine> compile(WasmModule module, Set<Integer> interpreted) {
        for (int attempt = 0; attempt < MAX_COMPILE_ATTEMPTS; attempt++) {
            try {
                Function<Instance, Machine> compiled = MachineFactoryCompiler.builder(module)
                        .withInterpretedFunctions(Set.copyOf(interpreted))
                        .withInterpreterFallback(InterpreterFallback.FAIL)
                        .compile();
                int[] ids = interpreted.stream().mapToInt(Integer::intValue).toArray();
                boolean[] flags = new boolean[allFunctions(module).size()];
                for (int id : ids) {
                    flags[id] = true;
                }
                return instance -> new HybridMachine(compiled.apply(instance),
                        new SimdCompilerInterpreterMachine(instance, ids), flags);
            } catch (ChicoryException e) {
                int tooLarge = tooLargeFunction(e);
                if (tooLarge < 0 || !interpreted.add(tooLarge)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("gave up compiling avm.wasm after " + MAX_COMPILE_ATTEMPTS + " attempts");
    }

    /** The function index in Chicory's "too large" error ("... WASM function index: N ..."), or -1. */
    private static int tooLargeFunction(ChicoryException e) {
        String message = String.valueOf(e.getMessage());
        String marker = "WASM function index: ";
        int at = message.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int start = at + marker.length();
        int end = start;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Integer.parseInt(message.substring(start, end));
    }

    private static Set<Integer> allFunctions(WasmModule module) {
        Set<Integer> all = new TreeSet<>();
        int total = module.importSection().count(com.dylibso.chicory.wasm.types.ExternalType.FUNCTION)
                + module.functionSection().functionCount();
        for (int i = 0; i < total; i++) {
            all.add(i);
        }
        return all;
    }

    private static byte[] readResource() {
        try (InputStream in = AvmModule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE
                        + " is missing; the aquavm-reference build copies it there after npm ci");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
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
