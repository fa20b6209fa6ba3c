package dev.aurum.verifier.wasmbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot holds what the start function and the pre-init export wrote, and nothing runs twice. */
class PreinitializerTest {

    /**
     * (memory 1 2) (start $s) (func $s: mem[0] = 7) (func (export "aurum_preinit"): mem[100] = 42)
     * (func (export "f")) (data (i32.const 200) "\01\02")
     */
    static final byte[] MODULE = {
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x04, 0x03, 0x00, 0x00, 0x00,
        0x05, 0x04, 0x01, 0x01, 0x01, 0x02,
        0x07, 0x15, 0x02, 0x0D, 'a', 'u', 'r', 'u', 'm', '_', 'p', 'r', 'e', 'i', 'n', 'i', 't', 0x00, 0x01,
        0x01, 'f', 0x00, 0x02,
        0x08, 0x01, 0x00,
        0x0A, 0x19, 0x03,
        0x09, 0x00, 0x41, 0x00, 0x41, 0x07, 0x3A, 0x00, 0x00, 0x0B,
        0x0A, 0x00, 0x41, (byte) 0xE4, 0x00, 0x41, 0x2A, 0x3A, 0x00, 0x00, 0x0B,
        0x02, 0x00, 0x0B,
        0x0B, 0x09, 0x01, 0x00, 0x41, (byte) 0xC8, 0x01, 0x0B, 0x02, 0x01, 0x02};

    @Test
    void theModuleStartsFromTheSnapshot() {
        Preinitializer.Result r = Preinitializer.preinitialize(MODULE);
        assertEquals(1, r.pages());
        assertEquals(3, r.segments()); // 0, 100 and 200..201: gaps of 32 zero bytes or more split segments
        assertEquals(4, r.dataBytes());
        WasmModule module = Parser.parse(r.bytes());
        assertTrue(module.startSection().isEmpty(), "the start function ran at build time");
        assertEquals(1, module.exportSection().exportCount());
        assertEquals("f", module.exportSection().getExport(0).name());
        assertEquals(2, module.memorySection().orElseThrow().getMemory(0).limits().maximumPages());

        Instance instance = Instance.builder(module).build();
        byte[] memory = instance.memory().readBytes(0, 256);
        assertEquals(7, memory[0]);
        assertEquals(42, memory[100]);
        assertArrayEquals(new byte[] {1, 2}, new byte[] {memory[200], memory[201]});
        assertEquals(4, count(memory));
        assertArrayEquals(r.bytes(), Preinitializer.preinitialize(MODULE).bytes(), "deterministic");
    }

    @Test
    void nonZeroRunsBridgeShortGaps() {
        byte[] m = new byte[200];
        m[3] = 1;
        m[3 + 32] = 1; // gap of 31 zeros: one segment
        m[100] = 1;    // gap of 64: a new segment
        List<int[]> runs = Preinitializer.nonZeroRuns(m);
        assertEquals(2, runs.size());
        assertArrayEquals(new int[] {3, 36}, runs.get(0));
        assertArrayEquals(new int[] {100, 101}, runs.get(1));
        assertTrue(Preinitializer.nonZeroRuns(new byte[64]).isEmpty());
    }

    @Test
    void aModuleWithoutThePreinitExportIsRefused() {
        byte[] noExport = MODULE.clone();
        noExport[30 + 6] = 'X'; // "aurum_Xreinit"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preinitializer.preinitialize(noExport));
        assertFalse(e.getMessage().isEmpty());
    }

    private static int count(byte[] memory) {
        int n = 0;
        for (byte b : memory) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }
}
