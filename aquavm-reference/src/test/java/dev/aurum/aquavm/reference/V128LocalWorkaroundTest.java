package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up self-test for Chicory's v128 local bug and the byte rewrite that cancels it. */
class V128LocalWorkaroundTest {

    /** Bytes one patch inserts: v128.const (2 + 16) and i8x16.shuffle (2 + 16). */
    private static final int PATCH_LENGTH = 36;

    @Test
    void chicory175StillSwapsV128LocalHalves() {
        // Tripwire: Chicory 1.7.5 has the bug. If a Chicory upgrade fixes it, this fails, and the
        // engine already uses modules unmodified (the probe returns CORRECT); then update this test.
        assertEquals(V128LocalProbe.Behaviour.HALVES_SWAPPED, V128LocalProbe.probe());
    }

    @Test
    void rewrittenProbeModuleBehavesCorrectly() {
        assertEquals(V128LocalProbe.Behaviour.CORRECT, V128LocalProbe.probeWithWorkaround());
    }

    @Test
    void rewritePatchesOneSetAndOneTeeInTheProbeModule() {
        byte[] bytes = V128LocalProbe.probeModuleBytes();
        WasmModule module = Parser.parse(bytes);
        assertEquals(Set.of(0, 1), InterpretedFunctions.simdFunctions(module));
        V128LocalRewriter.Result result = V128LocalRewriter.rewrite(bytes, module, Set.of(0, 1));
        assertEquals(1, result.patchedSets());
        assertEquals(1, result.patchedTees());
        // three patches, and the code section's size LEB128 grows from one byte to two
        assertEquals(bytes.length + 3 * PATCH_LENGTH + 1, result.bytes().length);
        // the rewritten module is still valid wasm with the same functions
        WasmModule rewritten = Parser.parse(result.bytes());
        assertEquals(2, rewritten.codeSection().functionBodyCount());
    }

    @Test
    void rewriteWithoutFunctionsCopiesTheModule() {
        byte[] bytes = V128LocalProbe.probeModuleBytes();
        V128LocalRewriter.Result result = V128LocalRewriter.rewrite(bytes, Parser.parse(bytes), Set.of());
        assertArrayEquals(bytes, result.bytes());
        assertEquals(0, result.patchedSets() + result.patchedTees());
    }

    @Test
    void rewriteRejectsUnknownFunction() {
        byte[] bytes = V128LocalProbe.probeModuleBytes();
        assertThrows(IllegalArgumentException.class,
                () -> V128LocalRewriter.rewrite(bytes, Parser.parse(bytes), Set.of(7)));
    }

    @Test
    void preparedAvmModuleWasPatched() {
        AvmModule module = SharedVm.VM.module();
        assertEquals(V128LocalProbe.Behaviour.HALVES_SWAPPED, module.v128LocalBehaviour());
        assertTrue(module.patchedLocalSets() + module.patchedLocalTees() > 0);
    }

    @Test
    void leb128RoundTripsAndRejectsOverlongInput() {
        for (long v : new long[] {0, 1, 127, 128, 16_383, 16_384, 0xFFFF_FFFFL}) {
            var out = new java.io.ByteArrayOutputStream();
            Leb128.writeU32(out, v);
            long read = Leb128.readU32(out.toByteArray(), 0);
            assertEquals(v, Integer.toUnsignedLong(Leb128.value(read)));
            assertEquals(out.size(), Leb128.length(read));
        }
        byte[] overlong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThrows(IllegalArgumentException.class, () -> Leb128.readU32(overlong, 0));
        byte[] tooBig = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F};
        assertThrows(IllegalArgumentException.class, () -> Leb128.readU32(tooBig, 0));
        assertThrows(IllegalArgumentException.class, () -> Leb128.readU32(new byte[] {(byte) 0x80}, 0));
    }
}
