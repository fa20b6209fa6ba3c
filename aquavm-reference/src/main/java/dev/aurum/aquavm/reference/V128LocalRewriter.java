package dev.aurum.aquavm.reference;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works around Chicory 1.7.5's v128 local bug by rewriting module bytes, not Chicory.
 *
 * <p>The bug: the interpreter's {@code local.set}/{@code local.tee} store a v128 as {@code [high, low]}
 * while {@code local.get} reads {@code [low, high]}, so a v128 read back from a local has its 64-bit
 * halves swapped. Swapping the halves right before each v128 {@code local.set} (and before and after
 * each v128 {@code local.tee}, so the value left on the stack is unchanged) cancels it exactly. The
 * swap is {@code v128.const 0; i8x16.shuffle 8..15,0..7}: a shuffle that takes all lanes from its first
 * operand. Only the given functions (those run by the interpreter) are touched; every other byte of
 * the module is copied unchanged.
 */
final class V128LocalRewriter {

    /** {@code v128.const 0} then {@code i8x16.shuffle} selecting bytes 8..15, 0..7 of the first operand. */
    private static final byte[] SWAP_HALVES = swapHalvesSequence();

    private static final int CODE_SECTION_ID = 10;
    private static final int WASM_HEADER_LENGTH = 8;

    private V128LocalRewriter() {
    }

    /** The result: rewritten bytes and how many local.set / local.tee instructions were patched. */
    record Result(byte[] bytes, int patchedSets, int patchedTees) {
    }

    /**
     * Rewrites {@code original} (whose parse is {@code module}) in the functions {@code functionIds}
     * (imports included in the numbering).
     */
    static Result rewrite(byte[] original, WasmModule module, Set<Integer> functionIds) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        List<FunctionBody> bodies = InterpretedFunctions.bodies(module);
        // absolute byte offset -> bytes to insert there (sorted, so one pass copies the module)
        TreeMap<Integer, byte[]> inserts = new TreeMap<>();
        int sets = 0;
        int tees = 0;
        for (int functionId : functionIds) {
            int defined = functionId - imported;
            if (defined < 0 || defined >= bodies.size()) {
                throw new IllegalArgumentException("no defined function with index " + functionId);
            }
            FunctionBody body = bodies.get(defined);
            for (Instruction ins : body.instructions()) {
                OpCode op = ins.opcode();
                if (op != OpCode.LOCAL_SET && op != OpCode.LOCAL_TEE) {
                    continue;
                }
                int localIndex = (int) ins.operands()[0];
                if (!ValType.V128.equals(InterpretedFunctions.localType(module, defined, body, localIndex))) {
                    continue;
                }
                int start = ins.address();
                int end = checkedInstructionEnd(original, start, op, localIndex);
                inserts.put(start, SWAP_HALVES);
                if (op == OpCode.LOCAL_TEE) {
                    inserts.put(end, SWAP_HALVES);
                    tees++;
                } else {
                    sets++;
                }
            }
        }
        return new Result(applyInserts(original, inserts), sets, tees);
    }

    /** Confirms that the parser's address really points at this instruction; returns its end. */
    private static int checkedInstructionEnd(byte[] bytes, int start, OpCode op, int localIndex) {
        if (start <= 0 || start >= bytes.length || (bytes[start] & 0xFF) != op.opcode()) {
            throw new IllegalStateException("instruction address " + start + " does not hold " + op);
        }
        long leb = Leb128.readU32(bytes, start + 1);
        if (Leb128.value(leb) != localIndex) {
            throw new IllegalStateException("local index mismatch at byte offset " + start);
        }
        return start + 1 + Leb128.length(leb);
    }

    /** Copies the module, inserting bytes inside code-section bodies and fixing body and section sizes. */
    private static byte[] applyInserts(byte[] in, TreeMap<Integer, byte[]> inserts) {
        if (inserts.isEmpty()) {
            return in.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserts.size() * SWAP_HALVES.length + 16);
        out.write(in, 0, WASM_HEADER_LENGTH);
        int pos = WASM_HEADER_LENGTH;
        while (pos < in.length) {
            int id = in[pos] & 0xFF;
            long sizeLeb = Leb128.readU32(in, pos + 1);
            int contentStart = pos + 1 + Leb128.length(sizeLeb);
            int contentEnd = contentStart + Leb128.value(sizeLeb);
            if (contentEnd > in.length || contentEnd < contentStart) {
                throw new IllegalArgumentException("section " + id + " at byte offset " + pos + " overruns the module");
            }
            if (id != CODE_SECTION_ID) {
                out.write(in, pos, contentEnd - pos);
            } else {
                byte[] code = rewriteCodeSection(in, contentStart, contentEnd, inserts);
                out.write(id);
                Leb128.writeU32(out, code.length);
                out.write(code, 0, code.length);
            }
            pos = contentEnd;
        }
        return out.toByteArray();
    }

    private static byte[] rewriteCodeSection(byte[] in, int start, int end, TreeMap<Integer, byte[]> inserts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + inserts.size() * SWAP_HALVES.length);
        long countLeb = Leb128.readU32(in, start);
        out.write(in, start, Leb128.length(countLeb));
        int pos = start + Leb128.length(countLeb);
        for (int i = 0; i < Leb128.value(countLeb); i++) {
            long sizeLeb = Leb128.readU32(in, pos);
            int bodyStart = pos + Leb128.length(sizeLeb);
            int bodyEnd = bodyStart + Leb128.value(sizeLeb);
            var bodyInserts = inserts.subMap(bodyStart, true, bodyEnd, false);
            if (bodyInserts.isEmpty()) {
                out.write(in, pos, bodyEnd - pos);
            } else {
                ByteArrayOutputStream body = new ByteArrayOutputStream(bodyEnd - bodyStart + bodyInserts.size() * SWAP_HALVES.length);
                int copied = bodyStart;
                for (var e : bodyInserts.entrySet()) {
                    body.write(in, copied, e.getKey() - copied);
                    body.write(e.getValue(), 0, e.getValue().length);
                    copied = e.getKey();
                }
                body.write(in, copied, bodyEnd - copied);
                Leb128.writeU32(out, body.size());
                out.write(body.toByteArray(), 0, body.size());
            }
            pos = bodyEnd;
        }
        if (pos != end) {
            throw new IllegalArgumentException("code section bodies end at " + pos + ", section at " + end);
        }
        return out.toByteArray();
    }

    private static byte[] swapHalvesSequence() {
        byte[] b = new byte[36];
        b[0] = (byte) 0xFD; // v128.const 0 (bytes 2..17 stay zero)
        b[1] = 0x0C;
        b[18] = (byte) 0xFD; // i8x16.shuffle: result byte i = first operand byte (i + 8) mod 16
        b[19] = 0x0D;
        for (int i = 0; i < 16; i++) {
            b[20 + i] = (byte) ((i + 8) % 16);
        }
        return b;
    }
}
