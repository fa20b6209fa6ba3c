package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import org.junit.jupiter.api.Test;

/** Known-answer tests for each SIMD opcode, lane by lane (v128 = [low, high], high on top of the stack). */
class SimdOpsTest {

    private final Instance instance = Instance.builder(Parser.parse(V128LocalProbe.probeModuleBytes()))
            .withMachineFactory(SimdInterpreterMachine::new).build();
    private final MStack stack = new MStack();

    @Test
    void supportsExactlyTheFifteenOpcodesAvmUses() {
        assertEquals(15, SimdOps.SUPPORTED.size());
        assertFalse(run(OpCode.I8x16_ADD));
        assertEquals(0, stack.size());
    }

    @Test
    void constPushesLowThenHigh() {
        run(OpCode.V128_CONST, 0x1111L, 0x2222L);
        assertV128(0x1111L, 0x2222L);
    }

    @Test
    void i32x4AddWrapsEachLane() {
        pushV128(lanes(1, 0xFFFF_FFFFL), lanes(5, 0x8000_0000L));
        pushV128(lanes(2, 1), lanes(7, 0x8000_0000L));
        run(OpCode.I32x4_ADD);
        assertV128(lanes(3, 0), lanes(12, 0));
    }

    @Test
    void i32x4ShiftsTakeTheCountModulo32() {
        pushV128(lanes(0x8000_0001L, 1), lanes(2, 0x4000_0000L));
        stack.push(33);
        run(OpCode.I32x4_SHL);
        assertV128(lanes(2, 2), lanes(4, 0x8000_0000L));

        pushV128(lanes(0xF0, 0x8000_0000L), lanes(0xFFFF_FFFFL, 0x10));
        stack.push(4);
        run(OpCode.I32x4_SHR_U);
        assertV128(lanes(0xF, 0x0800_0000L), lanes(0x0FFF_FFFFL, 1));
    }

    @Test
    void splats() {
        stack.push(0xDEAD_BEEFL);
        run(OpCode.I32x4_SPLAT);
        assertV128(0xDEAD_BEEF_DEAD_BEEFL, 0xDEAD_BEEF_DEAD_BEEFL);
        stack.push(0x0123_4567_89AB_CDEFL);
        run(OpCode.I64x2_SPLAT);
        assertV128(0x0123_4567_89AB_CDEFL, 0x0123_4567_89AB_CDEFL);
    }

    @Test
    void replaceLaneTouchesOnlyThatLane() {
        long lo = 0xAAAA_AAAA_BBBB_BBBBL;
        long hi = 0xCCCC_CCCC_DDDD_DDDDL;
        long[][] expected = {
            {0xAAAA_AAAA_1122_3344L, hi}, {0x1122_3344_BBBB_BBBBL, hi},
            {lo, 0xCCCC_CCCC_1122_3344L}, {lo, 0x1122_3344_DDDD_DDDDL}};
        for (int lane = 0; lane < 4; lane++) {
            pushV128(lo, hi);
            stack.push(0x1122_3344L);
            run(OpCode.I32x4_REPLACE_LANE, lane);
            assertV128(expected[lane][0], expected[lane][1]);
        }
    }

    @Test
    void bitwiseOps() {
        pushV128(0b1100, 0xF0);
        pushV128(0b1010, 0x0F);
        run(OpCode.V128_OR);
        assertV128(0b1110, 0xFF);
        pushV128(0b1100, 0xF0);
        pushV128(0b1010, 0xFF);
        run(OpCode.V128_XOR);
        assertV128(0b0110, 0x0F);
        // bitselect(v1, v2, mask) = v1 where mask is 1, v2 where it is 0
        pushV128(0xFFFF_0000_FFFF_0000L, -1L);
        pushV128(0x0000_FFFF_0000_FFFFL, 0L);
        pushV128(0xFF00_FF00_FF00_FF00L, 0x0F0F_0F0F_0F0F_0F0FL);
        run(OpCode.V128_BITSELECT);
        assertV128(0xFF00_00FF_FF00_00FFL, 0x0F0F_0F0F_0F0F_0F0FL);
    }

    @Test
    void shuffleSelectsBytesFromBothOperands() {
        // a = bytes 0x00..0x0f, b = bytes 0x10..0x1f, so byte k of the concatenation has the value k
        pushV128(0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L);
        pushV128(0x1716_1514_1312_1110L, 0x1F1E_1D1C_1B1A_1918L);
        long[] selectors = new long[2];
        for (int i = 0; i < 16; i++) {
            selectors[i / 8] |= (long) ((i * 3) % 32) << (8 * (i % 8));
        }
        run(OpCode.I8x16_SHUFFLE, selectors[0], selectors[1]);
        assertV128(0x1512_0F0C_0906_0300L, 0x0D0A_0704_011E_1B18L);
    }

    @Test
    void shuffleUsedByTheWorkaroundSwapsHalves() {
        pushV128(0x1111L, 0x2222L);
        pushV128(0, 0);
        run(OpCode.I8x16_SHUFFLE, 0x0F0E_0D0C_0B0A_0908L, 0x0706_0504_0302_0100L);
        assertV128(0x2222L, 0x1111L);
    }

    @Test
    void loadsAndStoresUseLittleEndianMemoryAndTheOffset() {
        stack.push(100);
        pushV128(0x0102_0304_0506_0708L, 0x1112_1314_1516_1718L);
        run(OpCode.V128_STORE, 4, 4, 0);
        assertEquals(0x0102_0304_0506_0708L, instance.memory().readLong(104));
        assertEquals(0x1112_1314_1516_1718L, instance.memory().readLong(112));
        assertEquals(0x08, instance.memory().read(104));

        stack.push(96);
        run(OpCode.V128_LOAD, 4, 8, 0);
        assertV128(0x0102_0304_0506_0708L, 0x1112_1314_1516_1718L);

        stack.push(104);
        run(OpCode.V128_LOAD32_ZERO, 2, 0, 0);
        assertV128(0x0506_0708L, 0);
        stack.push(112);
        run(OpCode.V128_LOAD64_ZERO, 3, 0, 0);
        assertV128(0x1112_1314_1516_1718L, 0);
    }

    @Test
    void outOfBoundsAccessTraps() {
        stack.push(0xFFFF_FFF0L);
        assertThrows(WasmRuntimeException.class, () -> run(OpCode.V128_LOAD, 4, 0x20, 0));
        stack.push(65_536 - 8);
        assertThrows(RuntimeException.class, () -> run(OpCode.V128_LOAD, 4, 0, 0));
    }

    @Test
    void invalidImmediatesTrap() {
        pushV128(0, 0);
        stack.push(1);
        assertThrows(WasmRuntimeException.class, () -> run(OpCode.I32x4_REPLACE_LANE, 4));
        pushV128(0, 0);
        pushV128(0, 0);
        assertThrows(WasmRuntimeException.class, () -> run(OpCode.I8x16_SHUFFLE, 32, 0));
    }

    private boolean run(OpCode op, long... immediates) {
        boolean handled = SimdOps.execute(stack, instance, new Instruction(0, op, immediates));
        assertTrue(!handled || SimdOps.SUPPORTED.contains(op));
        return handled;
    }

    private void pushV128(long low, long high) {
        stack.push(low);
        stack.push(high);
    }

    private void assertV128(long low, long high) {
        long actualHigh = stack.pop();
        long actualLow = stack.pop();
        assertEquals(Long.toHexString(low), Long.toHexString(actualLow), "low");
        assertEquals(Long.toHexString(high), Long.toHexString(actualHigh), "high");
        assertEquals(0, stack.size());
    }

    /** Two i32 lanes packed into one half, lane 0 in the low bits. */
    private static long lanes(long lane0, long lane1) {
        return (lane0 & 0xFFFF_FFFFL) | (lane1 << 32);
    }
}
