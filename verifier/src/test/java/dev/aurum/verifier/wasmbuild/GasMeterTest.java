package dev.aurum.verifier.wasmbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The gas meter on a small hand-assembled module (loop, br_if, br, call, if/else): the metered module
 * computes the same results, its gas equals the number of instructions Chicory's interpreter executes
 * in the original module, and a limit one below that traps with the counter negative.
 */
class GasMeterTest {

    /** sum(n) = n + (n-1) + ... + 1 through a loop and a call, plus 100 if that is not 0 (if/else). */
    private static byte[] sumModule(boolean withGlobal) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, 1, bytes(0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F));
        section(m, 3, bytes(0x02, 0x00, 0x00));
        if (withGlobal) {
            section(m, 6, bytes(0x01, 0x7F, 0x00, 0x41, 0x07, 0x0B)); // immutable i32 = 7
        }
        section(m, 7, bytes(0x01, 0x03, 's', 'u', 'm', 0x00, 0x00));
        byte[] sum = bytes(0x01, 0x01, 0x7F,
                0x02, 0x40, 0x03, 0x40,
                0x20, 0x00, 0x45, 0x0D, 0x01,
                0x20, 0x01, 0x20, 0x00, 0x10, 0x01, 0x6A, 0x21, 0x01,
                0x20, 0x00, 0x41, 0x01, 0x6B, 0x21, 0x00,
                0x0C, 0x00, 0x0B, 0x0B,
                0x20, 0x01, 0x20, 0x01, 0x04, 0x7F, 0x41, 0xE4, 0x00, 0x05, 0x41, 0x00, 0x0B, 0x6A,
                0x0B);
        byte[] id = bytes(0x00, 0x20, 0x00, 0x0B);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(2);
        code.write(sum.length);
        code.writeBytes(sum);
        code.write(id.length);
        code.writeBytes(id);
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] content) {
        m.write(id);
        m.write(content.length);
        m.writeBytes(content);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static long expectedSum(int n) {
        return (long) n * (n + 1) / 2 + (n > 0 ? 100 : 0);
    }

    private static long interpretedInstructions(byte[] module, int n) {
        long[] count = {0};
        Instance instance = Instance.builder(Parser.parse(module))
                .withUnsafeExecutionListener((instruction, stack) -> count[0]++).build();
        long result = instance.export("sum").apply(n)[0];
        assertEquals(expectedSum(n), result);
        return count[0];
    }

    private static Instance metered(byte[] module, long gas) {
        Instance instance = Instance.builder(Parser.parse(GasMeter.instrument(module).bytes())).build();
        instance.exports().global(GasMeter.GAS_EXPORT).setValue(gas);
        return instance;
    }

    @Test
    void gasIsTheNumberOfExecutedInstructions() {
        for (boolean withGlobal : new boolean[] {false, true}) {
            byte[] module = sumModule(withGlobal);
            for (int n : new int[] {0, 1, 2, 10, 100}) {
                long expected = interpretedInstructions(module, n);
                Instance instance = metered(module, 1_000_000);
                assertEquals(expectedSum(n), instance.export("sum").apply(n)[0]);
                long used = 1_000_000 - instance.exports().global(GasMeter.GAS_EXPORT).getValue();
                assertEquals(expected, used, "n=" + n + " global section " + withGlobal);
            }
        }
    }

    @Test
    void limitIsExact() {
        byte[] module = sumModule(false);
        long needed = interpretedInstructions(module, 10);
        Instance enough = metered(module, needed);
        assertEquals(155, enough.export("sum").apply(10)[0]);
        assertEquals(0, enough.exports().global(GasMeter.GAS_EXPORT).getValue());
        Instance tooLittle = metered(module, needed - 1);
        assertThrows(TrapException.class, () -> tooLittle.export("sum").apply(10));
        assertTrue(tooLittle.exports().global(GasMeter.GAS_EXPORT).getValue() < 0);
    }

    /** spin(): an endless loop; only the check at the loop head can stop it. */
    private static byte[] spinModule() {
        return module(bytes(0x01, 0x60, 0x00, 0x00), bytes(0x01, 0x00), bytes(0x01, 0x04, 's', 'p', 'i', 'n', 0x00, 0x00),
                bytes(0x00, 0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B)); // loop br 0 end end
    }

    /** A module of types, functions, exports and code sections; each body gets its size prefix. */
    private static byte[] module(byte[] types, byte[] functions, byte[] exports, byte[]... bodies) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, 1, types);
        section(m, 3, functions);
        section(m, 7, exports);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(bodies.length);
        for (byte[] b : bodies) {
            code.write(b.length);
            code.writeBytes(b);
        }
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }

    @Test
    void aLoopCannotRunPastTheLimit() {
        Instance instance = metered(spinModule(), 10_000);
        assertThrows(TrapException.class, () -> instance.export("spin").apply());
        long remaining = instance.exports().global(GasMeter.GAS_EXPORT).getValue();
        // stopped at the first loop head past the limit: one iteration (br, end... = 2 instructions) over it
        assertTrue(remaining < 0 && remaining > -10, "remaining " + remaining);
    }

    /**
     * run(n) = n == 0 ? 0 : twice(n), twice(n) = inc(n) + inc(n), inc(n) = n + 1: twice and inc are flat
     * (straight-line, calling only flat functions), run is not (if/else).
     */
    private static byte[] flatChainModule() {
        return module(bytes(0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F), bytes(0x03, 0x00, 0x00, 0x00),
                bytes(0x01, 0x03, 'r', 'u', 'n', 0x00, 0x00),
                bytes(0x00, 0x20, 0x00, 0x04, 0x7F, 0x20, 0x00, 0x10, 0x01, 0x05, 0x41, 0x00, 0x0B, 0x0B),
                bytes(0x00, 0x20, 0x00, 0x10, 0x02, 0x20, 0x00, 0x10, 0x02, 0x6A, 0x0B),
                bytes(0x00, 0x20, 0x00, 0x41, 0x01, 0x6A, 0x0B));
    }

    @Test
    void flatFunctionsAreCountedAtTheirCallSites() {
        byte[] module = flatChainModule();
        WasmModule parsed = Parser.parse(module);
        boolean[] outside = GasMeter.reachableFromOutside(parsed, 0);
        assertArrayEquals(new boolean[] {true, false, false}, outside); // run is exported
        long[] cost = GasMeter.flatCosts(parsed.codeSection().functionBodies(), 0, outside);
        assertArrayEquals(new long[] {-1, 6 + 2 * 4, 4}, cost); // twice: 6 instructions and two incs of 4
        // an exported (or table) function is entered without a call site to count it: never flat, nor its callers
        assertArrayEquals(new long[] {-1, -1, -1},
                GasMeter.flatCosts(parsed.codeSection().functionBodies(), 0, new boolean[] {false, false, true}));
        GasMeter.Result result = GasMeter.instrument(module);
        assertEquals(2, result.flatFunctions());
        for (int n : new int[] {0, 7}) {
            long[] count = {0};
            Instance plain = Instance.builder(Parser.parse(module))
                    .withUnsafeExecutionListener((instruction, stack) -> count[0]++).build();
            long expected = n == 0 ? 0 : 2L * n + 2;
            assertEquals(expected, plain.export("run").apply(n)[0]);
            Instance instance = metered(module, 1_000_000);
            assertEquals(expected, instance.export("run").apply(n)[0]);
            assertEquals(count[0], 1_000_000 - instance.exports().global(GasMeter.GAS_EXPORT).getValue(), "n=" + n);
        }
    }

    @Test
    void instrumentationIsDeterministicAndRefusesToMeterTwice() {
        byte[] module = sumModule(true);
        byte[] once = GasMeter.instrument(module).bytes();
        assertArrayEquals(once, GasMeter.instrument(module).bytes());
        assertThrows(IllegalArgumentException.class, () -> GasMeter.instrument(once));
    }
}
