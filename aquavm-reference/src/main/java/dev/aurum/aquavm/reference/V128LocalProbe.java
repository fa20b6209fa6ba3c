package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

/**
 * Start-up self-test for Chicory's v128 {@code local.set}/{@code local.tee} bug, on a tiny hand-assembled
 * module run by the same SIMD interpreter that runs avm.wasm's SIMD functions.
 *
 * <p>Function {@code set} stores {@code v128.const(low=1, high=2)} through a local to memory[0..16);
 * function {@code tee} stores {@code v128.const(3, 4)} through {@code local.tee}: the value left on the
 * stack to memory[32..48) and the local's value to memory[16..32).
 */
public final class V128LocalProbe {

    /** What the running Chicory does with v128 locals. */
    public enum Behaviour {
        /** Values come back unchanged: use modules as they are. */
        CORRECT,
        /** The known bug: halves swapped by both local.set and local.tee; {@link V128LocalRewriter} cancels it. */
        HALVES_SWAPPED
    }

    private V128LocalProbe() {
    }

    /** Probes Chicory as is. Throws if v128 locals behave in any way other than the two known ones. */
    static Behaviour probe() {
        return classify(run(probeModuleBytes()));
    }

    /** Runs the probe on the rewritten probe module: must be {@link Behaviour#CORRECT} for the workaround to be trusted. */
    static Behaviour probeWithWorkaround() {
        byte[] bytes = probeModuleBytes();
        WasmModule module = Parser.parse(bytes);
        Set<Integer> functions = InterpretedFunctions.simdFunctions(module);
        return classify(run(V128LocalRewriter.rewrite(bytes, module, functions).bytes()));
    }

    private static long[] run(byte[] moduleBytes) {
        Instance instance = Instance.builder(Parser.parse(moduleBytes))
                .withMachineFactory(SimdInterpreterMachine::new)
                .build();
        instance.export("set").apply();
        instance.export("tee").apply();
        long[] memory = new long[6];
        for (int i = 0; i < memory.length; i++) {
            memory[i] = instance.memory().readLong(i * 8);
        }
        return memory;
    }

    private static Behaviour classify(long[] m) {
        if (List.of(m[0], m[1], m[2], m[3], m[4], m[5]).equals(List.of(1L, 2L, 3L, 4L, 3L, 4L))) {
            return Behaviour.CORRECT;
        }
        if (List.of(m[0], m[1], m[2], m[3], m[4], m[5]).equals(List.of(2L, 1L, 4L, 3L, 3L, 4L))) {
            return Behaviour.HALVES_SWAPPED;
        }
        throw new IllegalStateException("Chicory stores v128 locals in an unknown way; memory after the probe: "
                + m[0] + "," + m[1] + "," + m[2] + "," + m[3] + "," + m[4] + "," + m[5]);
    }

    /** (module (memory 1) (func $set (local v128) ...) (func $tee (local v128) ...) (export ...)). */
    static byte[] probeModuleBytes() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, 1, bytes(0x01, 0x60, 0x00, 0x00));                 // type 0: () -> ()
        section(m, 3, bytes(0x02, 0x00, 0x00));                       // two functions of type 0
        section(m, 5, bytes(0x01, 0x00, 0x01));                       // one memory, min 1 page
        section(m, 7, concat(bytes(0x02),                             // exports "set" = 0, "tee" = 1
                bytes(0x03, 's', 'e', 't', 0x00, 0x00),
                bytes(0x03, 't', 'e', 'e', 0x00, 0x01)));
        byte[] v128Local = bytes(0x01, 0x01, 0x7B);
        byte[] store = bytes(0xFD, 0x0B, 0x04, 0x00);                 // v128.store align=16 offset=0
        byte[] set = concat(v128Local,
                bytes(0x41, 0x00),                                    // i32.const 0
                v128Const(1, 2),
                bytes(0x21, 0x00),                                    // local.set 0
                bytes(0x20, 0x00),                                    // local.get 0
                store, bytes(0x0B));
        byte[] tee = concat(v128Local,
                bytes(0x41, 0x10),                                    // i32.const 16 (for the local's value)
                bytes(0x41, 0x20),                                    // i32.const 32 (for the stack value)
                v128Const(3, 4),
                bytes(0x22, 0x00),                                    // local.tee 0
                store,                                                // stack value -> [32, 48)
                bytes(0x20, 0x00),                                    // local.get 0
                store, bytes(0x0B));                                  // local value -> [16, 32)
        section(m, 10, concat(bytes(0x02), bytes(set.length), set, bytes(tee.length), tee));
        return m.toByteArray();
    }

    private static byte[] v128Const(long low, long high) {
        byte[] b = new byte[18];
        b[0] = (byte) 0xFD;
        b[1] = 0x0C;
        for (int i = 0; i < 8; i++) {
            b[2 + i] = (byte) (low >>> (8 * i));
            b[10 + i] = (byte) (high >>> (8 * i));
        }
        return b;
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        Leb128.writeU32(out, content.length);
        out.writeBytes(content);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
