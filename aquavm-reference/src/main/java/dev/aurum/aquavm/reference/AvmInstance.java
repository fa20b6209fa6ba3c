package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One avm.wasm instance, driven through its raw Marine ABI (marine-rs-sdk 0.14 glue), as the module's
 * interface-types adapters would: every String/Vec argument is copied into a buffer from
 * {@code allocate(len, 1)} (the module takes ownership), records are packed little-endian, and results
 * are read at {@code get_result_ptr} before {@code release_objects}.
 *
 * <p>Not thread-safe. An instance keeps state between calls (allocator, Rust's per-thread HashMap
 * key counter), so output bytes depend on call history; {@link ReferenceAquaVm} therefore uses a fresh
 * instance per invoke.
 */
public final class AvmInstance implements AutoCloseable {

    /** Size of the packed {@code RunParameters} record. */
    static final int RUN_PARAMETERS_SIZE = 70;
    /** Size of the packed {@code InterpreterOutcome} record. */
    static final int OUTCOME_SIZE = 43;
    /** Upper bound for any vector read back from the module (its memory is far smaller anyway). */
    private static final int MAX_RESULT_BYTES = 512 << 20;
    private static final int MAX_NEXT_PEERS = 1 << 20;
    private static final int ELEMENT_U8 = 1;

    private final DeterministicHost host;
    private final Instance instance;
    private final Memory memory;
    private final ExportFunction allocate;
    private final ExportFunction invoke;
    private final ExportFunction ast;
    private final ExportFunction toHumanReadableData;
    private final ExportFunction getResultPtr;
    private final ExportFunction getResultSize;
    private final ExportFunction releaseObjects;

    private AvmInstance(DeterministicHost host, Instance instance) {
        this.host = host;
        this.instance = instance;
        this.memory = instance.memory();
        this.allocate = instance.export("allocate");
        this.invoke = instance.export("invoke");
        this.ast = instance.export("ast");
        this.toHumanReadableData = instance.export("to_human_readable_data");
        this.getResultPtr = instance.export("get_result_ptr");
        this.getResultSize = instance.export("get_result_size");
        this.releaseObjects = instance.export("release_objects");
    }

    static AvmInstance create(AvmModule module) {
        DeterministicHost host = new DeterministicHost();
        try {
            return new AvmInstance(host, module.instantiate(host)); // runs _start: logger init
        } catch (RuntimeException e) {
            host.close();
            throw new AvmTrapException("_start", host.capturedOutput(), e);
        }
    }

    /** {@code invoke(air, prev_data, data, params, call_results) -> InterpreterOutcome}. */
    public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                     byte[] callResults) {
        try {
            int[] airArg = lower(air.getBytes(StandardCharsets.UTF_8));
            int[] prevArg = lower(prevData);
            int[] dataArg = lower(currentData);
            int paramsPtr = lowerRunParameters(params);
            int[] resultsArg = lower(callResults);
            invoke.apply(airArg[0], airArg[1], prevArg[0], prevArg[1], dataArg[0], dataArg[1],
                    paramsPtr, resultsArg[0], resultsArg[1]);
            int r = (int) getResultPtr.apply()[0];
            InterpreterOutcome outcome = new InterpreterOutcome(
                    memory.readLong(r),
                    utf8(readVec(r + 8, 1)),
                    readVec(r + 16, 1),
                    readStringVec(r + 24),
                    readVec(r + 32, 1),
                    memory.read(r + 40) != 0,
                    memory.read(r + 41) != 0,
                    memory.read(r + 42) != 0);
            releaseObjects.apply();
            return outcome;
        } catch (RuntimeException e) {
            throw trap("invoke", e);
        }
    }

    /** {@code ast(script) -> String}: the JSON AST of an AIR script (or the parser's error text). */
    public String ast(String script) {
        return callStringExport(ast, "ast", script.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code to_human_readable_data(data) -> String}: pretty JSON of a data envelope, keys sorted. */
    public String toHumanReadableData(byte[] data) {
        return callStringExport(toHumanReadableData, "to_human_readable_data", data);
    }

    /** The underlying Chicory instance (tests). */
    Instance chicoryInstance() {
        return instance;
    }

    /** What the module wrote to stdout/stderr so far. */
    public String capturedOutput() {
        return host.capturedOutput();
    }

    @Override
    public void close() {
        host.close();
    }

    private String callStringExport(ExportFunction export, String name, byte[] argument) {
        try {
            int[] arg = lower(argument);
            export.apply(arg[0], arg[1]);
            int ptr = (int) getResultPtr.apply()[0];
            int size = (int) getResultSize.apply()[0];
            String result = utf8(readBytes(ptr, size));
            releaseObjects.apply();
            return result;
        } catch (RuntimeException e) {
            throw trap(name, e);
        }
    }

    /** Copies bytes into a module-owned buffer; (0, 0) for empty, as the SDK expects. */
    private int[] lower(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new int[] {0, 0};
        }
        int ptr = (int) allocate.apply(bytes.length, ELEMENT_U8)[0];
        memory.write(ptr, bytes);
        return new int[] {ptr, bytes.length};
    }

    /** The 70-byte packed little-endian RunParameters record, itself in a module-owned buffer. */
    private int lowerRunParameters(RunParameters p) {
        byte[] rec = new byte[RUN_PARAMETERS_SIZE];
        int[] init = lower(p.initPeerId().getBytes(StandardCharsets.UTF_8));
        int[] current = lower(p.currentPeerId().getBytes(StandardCharsets.UTF_8));
        int[] key = lower(p.secretKeyBytes());
        int[] particle = lower(p.particleId().getBytes(StandardCharsets.UTF_8));
        putU32(rec, 0, init[0]);
        putU32(rec, 4, init[1]);
        putU32(rec, 8, current[0]);
        putU32(rec, 12, current[1]);
        putU64(rec, 16, p.timestamp());
        putU32(rec, 24, (int) p.ttl());
        rec[28] = (byte) p.keyFormat();
        putU32(rec, 29, key[0]);
        putU32(rec, 33, key[1]);
        putU32(rec, 37, particle[0]);
        putU32(rec, 41, particle[1]);
        putU64(rec, 45, p.airSizeLimit());
        putU64(rec, 53, p.particleSizeLimit());
        putU64(rec, 61, p.callResultSizeLimit());
        rec[69] = (byte) (p.hardLimitEnabled() ? 1 : 0);
        return lower(rec)[0];
    }

    /** A (ptr u32, len u32) vector of {@code elementSize}-byte elements. */
    private byte[] readVec(int at, int elementSize) {
        int ptr = memory.readInt(at);
        long len = Integer.toUnsignedLong(memory.readInt(at + 4)) * elementSize;
        return readBytes(ptr, len);
    }

    private byte[] readBytes(int ptr, long len) {
        if (len == 0) {
            return new byte[0];
        }
        if (len > MAX_RESULT_BYTES) {
            throw new IllegalStateException("module returned a " + len + "-byte result, over the limit");
        }
        return memory.readBytes(ptr, (int) len);
    }

    /** Vec<String>: (ptr, count) where ptr holds count x (str_ptr u32, str_len u32). */
    private List<String> readStringVec(int at) {
        int ptr = memory.readInt(at);
        int count = memory.readInt(at + 4);
        if (count < 0 || count > MAX_NEXT_PEERS) {
            throw new IllegalStateException("module returned " + Integer.toUnsignedString(count) + " next peers");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(utf8(readVec(ptr + 8 * i, 1)));
        }
        return out;
    }

    private AvmTrapException trap(String export, Exception e) {
        return new AvmTrapException(export, host.capturedOutput(), e);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putU32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putU64(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
