package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Gas is a property of the input: identical on every run and host; a limit stops the run cleanly. */
class GasTest {

    private static final WasmVerifier WASM = WasmVerifier.load();

    @Test
    void gasIsIdenticalOnEveryRun() {
        byte[] trace = Vectors.traces().get("honest/fork-join");
        WasmVerdict first = WASM.verify(trace, null);
        assertEquals(WasmVerdict.Status.VERDICT, first.status(), first.detail());
        for (int i = 0; i < 2; i++) {
            WasmVerdict again = WASM.verify(trace, null);
            assertEquals(first.gasUsed(), again.gasUsed());
            assertArrayEquals(first.output(), again.output());
        }
        // a fresh host (new instances of the compiled classes) gives the same figure
        assertEquals(first.gasUsed(), WasmVerifier.withMaxInputBytes(1 << 20).verify(trace, null).gasUsed());
    }

    /** Instances share nothing: other verifications in between change neither gas nor output. */
    @Test
    void gasDoesNotDependOnWhatRanBefore() {
        byte[] trace = Vectors.traces().get("honest/fork-join");
        WasmVerdict first = WASM.verify(trace, null);
        WASM.verify(new byte[0], null);
        WASM.verify(Vectors.traces().get("honest/chain"), null);
        WASM.verify(new byte[] {(byte) 0xA4, 0x01}, null);
        WasmVerdict again = WASM.verify(trace, null);
        assertEquals(first.gasUsed(), again.gasUsed());
        assertArrayEquals(first.output(), again.output());
    }

    @Test
    void differentWorkCostsDifferentGas() {
        WasmVerdict forkJoin = WASM.verify(Vectors.traces().get("honest/fork-join"), null);
        WasmVerdict empty = WASM.verify(new byte[0], null);
        assertTrue(empty.gasUsed() < forkJoin.gasUsed());
        assertNotEquals(0, empty.gasUsed());
    }

    @Test
    void limitJustBelowTheNeedAbortsWithOutOfGas() {
        byte[] trace = Vectors.traces().get("honest/chain");
        WasmVerdict full = WASM.verify(trace, null);
        assertEquals(WasmVerdict.Status.VERDICT, full.status(), full.detail());
        WasmVerdict exact = WASM.verify(trace, null, full.gasUsed());
        assertEquals(WasmVerdict.Status.VERDICT, exact.status());
        assertArrayEquals(full.output(), exact.output());
        WasmVerdict starved = WASM.verify(trace, null, full.gasUsed() - 1);
        assertEquals(WasmVerdict.Status.OUT_OF_GAS, starved.status());
        assertEquals(0, starved.output().length);
        assertEquals(full.gasUsed() - 1, starved.gasUsed());
        WasmVerdict tiny = WASM.verify(trace, null, 1_000);
        assertEquals(WasmVerdict.Status.OUT_OF_GAS, tiny.status());
        assertThrows(IllegalArgumentException.class, () -> WASM.verify(trace, null, 0));
    }
}
