package dev.aurum.verifier.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.GlobalFactory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.verifier.CanonicalVerdict;
import dev.aurum.verifier.wasi.VerificationRequest;
import dev.aurum.verifier.wasm.aot.AurumVerifierModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the verifier inside a Wasm VM: {@code aurum-verifier.wasm} (TeaVM 0.13.1 WASI, gas-metered at
 * build time) executed by Chicory's build-time compiled classes, with nothing of the host reaching it:
 * clock fixed at the epoch, seeded randomness, no environment, no files, only the trace or proof bundle
 * on stdin and the arguments {@code --now=MS} (optional) and, for a bundle, the registry's domain. Each verification gets a fresh instance, so runs cannot
 * influence each other, and reports the gas it used; identical inputs give identical output and gas.
 *
 * <p>Thread-safe: the compiled module is shared, instances are not.
 */
public final class WasmVerifier {

    /** Default gas limit: far above a 5-hop trace, low enough to stop a runaway module in seconds. */
    public static final long DEFAULT_GAS_LIMIT = 50_000_000_000L;
    /** Default input limit (bytes of trace). The module's own heap is at most 128 MiB. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 16 << 20;
    /** Linear memory cap in 64 KiB pages (160 MiB): TeaVM's 128 MiB heap plus its data and stack. */
    public static final int MAX_MEMORY_PAGES = 2_560;
    /** Stdout and stderr are captured up to this size each; a larger verdict is a failure. */
    public static final int MAX_OUTPUT_BYTES = 64 << 20;
    /**
     * Stack of the thread every verification runs on: deep enough for the interpreter's nesting limit
     * with JVM frames of interpreted code (about 1,000 levels used 1 MiB), reserved, not committed.
     */
    public static final long STACK_BYTES = 64L << 20;

    private static final String GAS_EXPORT = "aurum_gas";
    private static final String HASHES_RESOURCE = "aurum-verifier.sha256";
    private static final int EXIT_BAD_REQUEST = 2;

    private static volatile WasmVerifier shared;

    private final WasmModule module;
    private final MemoryLimits memoryLimits;
    private final String moduleSha256;
    private final String preinitializedModuleSha256;
    private final String meteredModuleSha256;
    private final int maxInputBytes;
    private final int importedGlobals;
    private final int gasGlobalIndex;

    private WasmVerifier(int maxInputBytes) {
        this.module = AurumVerifierModule.load();
        int initialPages = module.memorySection().orElseThrow(
                () -> new IllegalStateException("aurum-verifier.wasm defines no memory")).getMemory(0).limits().initialPages();
        this.memoryLimits = new MemoryLimits(initialPages, Math.max(initialPages, MAX_MEMORY_PAGES));
        this.importedGlobals = module.importSection().count(ExternalType.GLOBAL);
        this.gasGlobalIndex = exportedGlobal(module, GAS_EXPORT);
        String[] hashes = readHashes();
        this.moduleSha256 = hashes[0];
        this.preinitializedModuleSha256 = hashes[1];
        this.meteredModuleSha256 = hashes[2];
        this.maxInputBytes = maxInputBytes;
    }

    /** The shared host with default limits (loading the compiled module takes a moment, once). */
    public static WasmVerifier load() {
        WasmVerifier v = shared;
        if (v == null) {
            synchronized (WasmVerifier.class) {
                v = shared;
                if (v == null) {
                    v = new WasmVerifier(DEFAULT_MAX_INPUT_BYTES);
                    shared = v;
                }
            }
        }
        return v;
    }

    /** A host accepting traces up to {@code maxInputBytes}. */
    public static WasmVerifier withMaxInputBytes(int maxInputBytes) {
        if (maxInputBytes < 0) {
            throw new IllegalArgumentException("maxInputBytes must not be negative");
        }
        return new WasmVerifier(maxInputBytes);
    }

    /** sha256 of {@code aurum-verifier.wasm}, the TeaVM output (recorded in verifier/aurum-verifier.sha256). */
    public String moduleSha256() {
        return moduleSha256;
    }

    /**
     * sha256 of the pre-initialised module: TeaVM's output after its start-up ran once at build time,
     * with the resulting memory as its data (docs/formats.md).
     */
    public String preinitializedModuleSha256() {
        return preinitializedModuleSha256;
    }

    /** sha256 of the gas-metered pre-initialised module, the one that actually runs. */
    public String meteredModuleSha256() {
        return meteredModuleSha256;
    }

    /** Verifies with the default gas limit; {@code now} null means the last hop's time. */
    public WasmVerdict verify(byte[] trace, Long now) {
        return verify(trace, now, DEFAULT_GAS_LIMIT);
    }

    /** Verifies {@code trace} (the file's bytes) in a fresh instance with at most {@code gasLimit} gas. */
    public WasmVerdict verify(byte[] trace, Long now, long gasLimit) {
        return verify(trace, now, null, gasLimit);
    }

    /**
     * Verifies a signed trace or a proof bundle (the file's bytes; {@link VerificationRequest}) in a fresh
     * instance with at most {@code gasLimit} gas. A bundle needs the registry's EIP-712 {@code domain}
     * (chain id and contract), which is passed as arguments; without it the module refuses the request.
     */
    public WasmVerdict verify(byte[] input, Long now, Eip712Domain domain, long gasLimit) {
        byte[] trace = input;
        if (gasLimit <= 0) {
            throw new IllegalArgumentException("gas limit must be positive");
        }
        if (trace.length > maxInputBytes) {
            return failed(gasLimit, 0, "input of " + trace.length + " bytes is over the host limit of "
                    + maxInputBytes + " bytes");
        }
        List<String> args = new ArrayList<>();
        args.add("aurum-verifier");
        if (now != null) {
            args.add(CanonicalVerdict.NOW_ARGUMENT + now);
        }
        if (domain != null) {
            args.add(VerificationRequest.CHAIN_ID_ARGUMENT + domain.chainId());
            args.add(VerificationRequest.REGISTRY_ARGUMENT + domain.verifyingContract().toHex());
        }
        BoundedOutput stdout = new BoundedOutput(MAX_OUTPUT_BYTES);
        BoundedOutput stderr = new BoundedOutput(MAX_OUTPUT_BYTES);
        WasiOptions options = WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(trace))
                .withStdout(stdout)
                .withStderr(stderr)
                .withArguments(args)
                .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .withRandom(new Random(0))
                .build();
        GlobalInstance[] gasHolder = new GlobalInstance[1];
        Run run = onVerifierThread(() -> runModule(options, gasLimit, gasHolder));
        int exitCode = run.exitCode();
        String trap = run.trap();
        long remaining = gasHolder[0] == null ? gasLimit : gasHolder[0].getValue();
        if (remaining < 0) {
            return new WasmVerdict(WasmVerdict.Status.OUT_OF_GAS, new byte[0], gasLimit, gasLimit,
                    "gas limit of " + gasLimit + " reached");
        }
        long used = gasLimit - remaining;
        if (trap != null) {
            return failed(gasLimit, used, trap + stderrSuffix(stderr));
        }
        if (stdout.overflowed()) {
            return failed(gasLimit, used, "verdict longer than " + MAX_OUTPUT_BYTES + " bytes");
        }
        if (exitCode == EXIT_BAD_REQUEST) {
            return new WasmVerdict(WasmVerdict.Status.BAD_REQUEST, new byte[0], used, gasLimit, stderr.text().strip());
        }
        if (exitCode != 0) {
            return failed(gasLimit, used, "exit status " + exitCode + stderrSuffix(stderr));
        }
        return new WasmVerdict(WasmVerdict.Status.VERDICT, stdout.bytes(), used, gasLimit, "");
    }

    /** How a module run ended: WASI exit status (0 if main returned), or a trap's description. */
    private record Run(int exitCode, String trap) {
    }

    /** Instantiates the module, which runs {@code _start} (main) inside {@code build()}. */
    private Run runModule(WasiOptions options, long gasLimit, GlobalInstance[] gasHolder) {
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMachineFactory(AurumVerifierModule::create)
                    .withMemoryLimits(memoryLimits)
                    // byte[] with VarHandle access: about twice as fast as the default ByteBuffer memory
                    // for TeaVM's code (shadow stack and GC live in linear memory); same semantics
                    .withMemoryFactory(ByteArrayMemory::new)
                    .withGlobalFactory(gasStartingAt(gasLimit, gasHolder))
                    .build(); // start-up ran at build time (pre-initialised module)
            return new Run(0, null);
        } catch (WasiExitException e) {
            return new Run(e.exitCode(), null);
        } catch (TrapException e) {
            return new Run(0, "trap: " + e.getMessage());
        } catch (ChicoryInterruptedException e) {
            throw e; // the caller was interrupted: not a result of the module (and not a ChicoryException failure)
        } catch (ChicoryException e) {
            return new Run(0, "wasm error: " + e.getMessage());
        }
    }

    /**
     * Runs one verification on a thread of its own with a {@link #STACK_BYTES} stack. Why: Chicory runs
     * Wasm calls on the JVM stack of the thread that calls it, so with the caller's stack (1 MiB by
     * default, and interpreted frames are large) a trace nested within the interpreter's limit could
     * still run out of stack here and not on the JVM verifier; with a fixed stack the outcome depends on
     * the input alone. The caller's interruption is passed on; the module stops at its next check.
     */
    private static Run onVerifierThread(Supplier<Run> work) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        }, "aurum-wasm-verifier", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object r = result.get();
        if (r instanceof RuntimeException e) {
            throw e;
        }
        if (r instanceof Error e) {
            throw e;
        }
        return (Run) r;
    }

    /**
     * Creates the module's globals, the gas counter with the limit already in it: the limit must be in
     * place before the module's first instruction, which runs inside build().
     */
    private GlobalFactory gasStartingAt(long gasLimit, GlobalInstance[] gasHolder) {
        int[] next = {importedGlobals};
        return (low, high, type, mutability) -> {
            int index = next[0]++;
            if (index != gasGlobalIndex) {
                return new GlobalInstance(low, high, type, mutability);
            }
            if (!ValType.I64.equals(type) || mutability != MutabilityType.Var) {
                throw new IllegalStateException("global " + index + " is not the i64 gas counter");
            }
            GlobalInstance gas = new GlobalInstance(gasLimit, 0, type, mutability);
            gasHolder[0] = gas;
            return gas;
        };
    }

    private static String stderrSuffix(BoundedOutput stderr) {
        String s = stderr.text().strip();
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    private static WasmVerdict failed(long gasLimit, long used, String detail) {
        return new WasmVerdict(WasmVerdict.Status.FAILED, new byte[0], used, gasLimit, detail);
    }

    private static int exportedGlobal(WasmModule module, String name) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export e = module.exportSection().getExport(i);
            if (e.name().equals(name) && e.exportType() == ExternalType.GLOBAL) {
                return e.index();
            }
        }
        throw new IllegalStateException("aurum-verifier.wasm exports no global " + name + ": not the metered module");
    }

    private static String[] readHashes() {
        try (InputStream in = WasmVerifier.class.getResourceAsStream(HASHES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(HASHES_RESOURCE + " is missing from the classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return new String[] {lines[0].substring(0, 64), lines[1].substring(0, 64), lines[2].substring(0, 64)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
