package dev.aurum.verifier.wasmbuild;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds deterministic gas metering to a wasm module by rewriting its bytes (build time only), so the
 * Chicory build-time compiler, which has no instruction listener, still reports gas.
 *
 * <p>Gas is the number of the module's own instructions executed, counted as Chicory's interpreter
 * counts them (a branch out of a block also executes the block's {@code end}). Every function body is
 * cut into straight-line segments: a segment closes after {@code loop if else br br_if br_table return
 * unreachable} and before an inner {@code end}, which opens the next segment. At the start of each
 * segment (after its leading {@code end}) the meter calls an added function {@code charge(n)} that
 * subtracts the segment's instruction count from an exported mutable i64 global, {@value #GAS_EXPORT},
 * and traps ({@code unreachable}) when it goes negative (new type, function and global are appended,
 * so no existing index moves). A segment runs whole or not at all (calls return normally in TeaVM's code; a trap ends the
 * run anyway), so the figure is exact; the metering's own instructions are not counted. The host sets the global to the limit before
 * {@code _start} and reads it afterwards: used = limit - remaining; negative remaining = out of gas.
 *
 * <p>Written by hand because no Java library instruments wasm (wasm-instrument and friends are Rust);
 * instruction boundaries come from Chicory's parser, so no opcode table is duplicated here.
 */
public final class GasMeter {

    /** Name of the exported i64 global holding the remaining gas. */
    public static final String GAS_EXPORT = "aurum_gas";

    private static final int TYPE_SECTION = 1;
    private static final int FUNCTION_SECTION = 3;
    private static final int GLOBAL_SECTION = 6;
    private static final int EXPORT_SECTION = 7;
    private static final int CODE_SECTION = 10;
    private static final int HEADER = 8;

    private GasMeter() {
    }

    /** The metered module and how many segments were charged. */
    public record Result(byte[] bytes, int segments) {
    }

    public static Result instrument(byte[] original) {
        WasmModule module = Parser.parse(original);
        if (module.exportSection().exportCount() > 0) {
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                if (module.exportSection().getExport(i).name().equals(GAS_EXPORT)) {
                    throw new IllegalArgumentException("module already exports " + GAS_EXPORT);
                }
            }
        }
        int gasGlobal = module.importSection().count(ExternalType.GLOBAL) + module.globalSection().globalCount();
        int chargeType = module.typeSection().typeCount();
        int chargeFunction = module.importSection().count(ExternalType.FUNCTION) + module.functionSection().functionCount();
        TreeMap<Integer, byte[]> inserts = new TreeMap<>();
        for (FunctionBody body : module.codeSection().functionBodies()) {
            addCharges(body.instructions(), chargeFunction, inserts);
        }
        return new Result(rewrite(original, inserts, gasGlobal, chargeType), inserts.size());
    }

    private static void addCharges(List<? extends Instruction> instructions, int chargeFunction,
                                   Map<Integer, byte[]> inserts) {
        int last = instructions.size() - 1;
        if (last < 0 || instructions.get(last).opcode() != OpCode.END) {
            throw new IllegalArgumentException("function body does not end with end");
        }
        int segmentStart = -1;
        long count = 0;
        for (int i = 0; i <= last; i++) {
            Instruction ins = instructions.get(i);
            if (ins.opcode() == OpCode.END && i != last) {
                // A branch out of a block lands on its end (as Chicory's interpreter counts it), so the
                // end opens the next segment, charged right after it; it runs on fallthrough and branch.
                put(inserts, segmentStart, chargeFunction, count);
                segmentStart = instructions.get(i + 1).address();
                count = 1;
                continue;
            }
            if (segmentStart < 0) {
                segmentStart = ins.address();
            }
            count++;
            if (i == last || closesSegment(ins.opcode())) {
                put(inserts, segmentStart, chargeFunction, count);
                segmentStart = -1;
                count = 0;
            }
        }
    }

    private static void put(Map<Integer, byte[]> inserts, int address, int chargeFunction, long count) {
        if (count == 0) {
            return;
        }
        if (inserts.put(address, charge(chargeFunction, count)) != null) {
            throw new IllegalStateException("two gas charges at byte offset " + address);
        }
    }

    /** Control may leave or re-enter after these; block is not here (its body is only fallen into). */
    private static boolean closesSegment(OpCode op) {
        switch (op) {
            case LOOP: case IF: case ELSE: case BR: case BR_IF: case BR_TABLE: case RETURN: case UNREACHABLE:
                return true;
            default:
                return false;
        }
    }

    /** {@code charge(n)}: a call keeps each site small (JVM method size limit of the AOT compiler). */
    private static byte[] charge(int chargeFunction, long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12);
        out.write(0x42); // i64.const n
        Leb.writeS64(out, n);
        out.write(0x10); // call
        Leb.writeU32(out, chargeFunction);
        return out.toByteArray();
    }

    /** Body of the added function {@code charge(n: i64)}: {@code gas -= n; if (gas < 0) unreachable}. */
    private static byte[] chargeBody(int gasGlobal) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(24);
        body.write(0x00); // no locals besides the parameter
        body.write(0x23); // global.get
        Leb.writeU32(body, gasGlobal);
        body.write(0x20); // local.get 0
        body.write(0x00);
        body.write(0x7D); // i64.sub
        body.write(0x24); // global.set
        Leb.writeU32(body, gasGlobal);
        body.write(0x23); // global.get
        Leb.writeU32(body, gasGlobal);
        body.write(0x42); // i64.const 0
        body.write(0x00);
        body.write(0x53); // i64.lt_s
        body.write(0x04); // if (no result)
        body.write(0x40);
        body.write(0x00); // unreachable
        body.write(0x0B); // end if
        body.write(0x0B); // end function
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 2);
        Leb.writeU32(out, body.size());
        out.write(body.toByteArray(), 0, body.size());
        return out.toByteArray();
    }

    private static byte[] rewrite(byte[] in, TreeMap<Integer, byte[]> inserts, int gasGlobal, int chargeType) {
        byte[] gasEntry = {0x7E, 0x01, 0x42, 0x00, 0x0B}; // mutable i64, initially 0
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserts.size() * 20);
        out.write(in, 0, HEADER);
        int pos = HEADER;
        boolean globalsWritten = false;
        while (pos < in.length) {
            int id = in[pos] & 0xFF;
            int[] p = {pos + 1};
            int size = Leb.readU32(in, p);
            int start = p[0];
            int end = start + size;
            if (end > in.length || end < start) {
                throw new IllegalArgumentException("section " + id + " at byte offset " + pos + " overruns the module");
            }
            if (!globalsWritten && id != GLOBAL_SECTION && orderRank(id) > orderRank(GLOBAL_SECTION)) {
                // no global section (TeaVM keeps its stack pointer in memory): create one in its place
                ByteArrayOutputStream globals = new ByteArrayOutputStream();
                Leb.writeU32(globals, 1);
                globals.write(gasEntry, 0, gasEntry.length);
                writeSection(out, GLOBAL_SECTION, globals.toByteArray());
                globalsWritten = true;
            }
            if (id == TYPE_SECTION) {
                writeSection(out, id, appendEntry(in, start, end, new byte[] {0x60, 0x01, 0x7E, 0x00})); // (i64) -> ()
            } else if (id == FUNCTION_SECTION) {
                ByteArrayOutputStream typeIndex = new ByteArrayOutputStream();
                Leb.writeU32(typeIndex, chargeType);
                writeSection(out, id, appendEntry(in, start, end, typeIndex.toByteArray()));
            } else if (id == GLOBAL_SECTION) {
                writeSection(out, id, appendEntry(in, start, end, gasEntry));
                globalsWritten = true;
            } else if (id == EXPORT_SECTION) {
                writeSection(out, id, appendEntry(in, start, end, gasExport(gasGlobal)));
            } else if (id == CODE_SECTION) {
                writeSection(out, id, rewriteCode(in, start, end, inserts, chargeBody(gasGlobal)));
            } else {
                out.write(in, pos, end - pos);
            }
            pos = end;
        }
        return out.toByteArray();
    }

    /** Position of a section in the order the binary format requires; custom sections (0) float. */
    private static int orderRank(int id) {
        switch (id) {
            case 0: return -1;
            case 13: return 55; // tag: between memory (5) and global (6)
            case 12: return 95; // data count: between element (9) and code (10)
            default: return id * 10;
        }
    }

    private static void writeSection(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        Leb.writeU32(out, content.length);
        out.write(content, 0, content.length);
    }

    private static byte[] gasExport(int global) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name = GAS_EXPORT.getBytes(StandardCharsets.UTF_8);
        Leb.writeU32(out, name.length);
        out.write(name, 0, name.length);
        out.write(0x03); // global
        Leb.writeU32(out, global);
        return out.toByteArray();
    }

    /** A vector section with one more entry at the end. */
    private static byte[] appendEntry(byte[] in, int start, int end, byte[] entry) {
        int[] p = {start};
        int count = Leb.readU32(in, p);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + entry.length + 5);
        Leb.writeU32(out, count + 1L);
        out.write(in, p[0], end - p[0]);
        out.write(entry, 0, entry.length);
        return out.toByteArray();
    }

    private static byte[] rewriteCode(byte[] in, int start, int end, TreeMap<Integer, byte[]> inserts,
                                      byte[] chargeBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + inserts.size() * 8);
        int[] p = {start};
        int count = Leb.readU32(in, p);
        Leb.writeU32(out, count + 1L);
        for (int i = 0; i < count; i++) {
            int size = Leb.readU32(in, p);
            int bodyStart = p[0];
            int bodyEnd = bodyStart + size;
            ByteArrayOutputStream body = new ByteArrayOutputStream(size + 64);
            int copied = bodyStart;
            for (Map.Entry<Integer, byte[]> e : inserts.subMap(bodyStart, true, bodyEnd, false).entrySet()) {
                body.write(in, copied, e.getKey() - copied);
                body.write(e.getValue(), 0, e.getValue().length);
                copied = e.getKey();
            }
            body.write(in, copied, bodyEnd - copied);
            Leb.writeU32(out, body.size());
            out.write(body.toByteArray(), 0, body.size());
            p[0] = bodyEnd;
        }
        if (p[0] != end) {
            throw new IllegalArgumentException("code section bodies end at " + p[0] + ", section at " + end);
        }
        out.write(chargeBody, 0, chargeBody.length);
        return out.toByteArray();
    }
}
