package dev.aurum.verifier.wasmbuild;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * unreachable} and before an inner {@code end}, which opens the next segment. A segment runs whole or not
 * at all, so adding its instruction count at its start counts exactly.
 *
 * <p>Cheap counting: each function gets one more local, an i64 accumulator; a segment start adds its
 * count to it ({@code acc += n}: four JVM local-variable operations once compiled). The accumulator is
 * flushed into the exported mutable i64 global {@value #GAS_EXPORT} by an added function
 * {@code charge(acc)} (subtract, trap with {@code unreachable} when the global goes negative, return 0
 * into acc) only where control can leave the function or repeat: before {@code return}, the function's
 * final {@code end} and every branch that can target the function's own label, at the head of every
 * loop (so a loop cannot run past the limit), and before calls to imported (host) functions. Flushing
 * moves counts without changing their sum, so after a normal return the global has been charged with
 * exactly the instructions executed. When the run ends abruptly (a trap, or WASI {@code proc_exit}
 * from inside a call) the counts accumulated since the last flush of the frames still on the stack are
 * not charged: still a deterministic function of the input, a little below the instructions executed.
 * Flat functions (straight-line bodies calling only flat functions, see {@link #flatCosts}) are not
 * metered themselves: each call site adds the callee's fixed cost to its own segment. New types, functions,
 * locals and the global are appended, so no existing index moves. The host sets
 * the global to the limit before the start function and reads it afterwards: used = limit - remaining;
 * negative remaining = out of gas.
 *
 * <p>Written by hand because no Java library instruments wasm (wasm-instrument and friends are Rust);
 * instruction boundaries come from Chicory's parser, so no opcode table is duplicated here.
 */
public final class GasMeter {

    /** Name of the exported i64 global holding the remaining gas. */
    public static final String GAS_EXPORT = "aurum_gas";


    private GasMeter() {
    }

    /** The metered module, how many segments it counts, its flush points and its flat (unmetered) functions. */
    public record Result(byte[] bytes, int segments, int flushes, int flatFunctions) {
    }

    /** What is inserted in one function body: code before given byte offsets, and the accumulator local. */
    private static final class BodyPlan {
        final int accumulator;
        final TreeMap<Integer, ByteArrayOutputStream> inserts = new TreeMap<>();
        int segments;
        int flushes;

        BodyPlan(int accumulator) {
            this.accumulator = accumulator;
        }

        ByteArrayOutputStream at(int address) {
            return inserts.computeIfAbsent(address, a -> new ByteArrayOutputStream());
        }
    }

    public static Result instrument(byte[] original) {
        WasmModule module = Parser.parse(original);
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            if (module.exportSection().getExport(i).name().equals(GAS_EXPORT)) {
                throw new IllegalArgumentException("module already exports " + GAS_EXPORT);
            }
        }
        int gasGlobal = module.importSection().count(ExternalType.GLOBAL) + module.globalSection().globalCount();
        int chargeType = module.typeSection().typeCount();
        int importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        int chargeFunction = importedFunctions + module.functionSection().functionCount();
        boolean tableHoldsImports = tableHoldsImports(module, importedFunctions);
        FunctionBody[] bodies = module.codeSection().functionBodies();
        long[] flatCost = flatCosts(bodies, importedFunctions, reachableFromOutside(module, importedFunctions));
        List<BodyPlan> plans = new ArrayList<>(bodies.length);
        int segments = 0;
        int flushes = 0;
        int flat = 0;
        for (int f = 0; f < bodies.length; f++) {
            int params = module.functionSection().getFunctionType(f, module.typeSection()).params().size();
            BodyPlan plan = new BodyPlan(params + bodies[f].localTypes().size());
            if (flatCost[f] < 0) {
                plan(bodies[f].instructions(), chargeFunction, importedFunctions, tableHoldsImports, flatCost, plan);
            } else {
                flat++; // its callers count it: nothing to insert
            }
            plans.add(plan);
            segments += plan.segments;
            flushes += plan.flushes;
        }
        return new Result(rewrite(original, plans, gasGlobal, chargeType), segments, flushes, flat);
    }

    /**
     * The cost of every <em>flat</em> function, -1 for the others. A flat body is straight-line code: no
     * block, loop, if, branch, return, unreachable or indirect call before its final {@code end}, and direct
     * calls only to flat functions of the module (never to the host). It always runs whole (or traps, which
     * ends the run), so it executes exactly its own instruction count plus its callees' costs. Such a
     * function is not metered itself; each call site adds its cost to the caller's segment instead, so the
     * sum is unchanged and no flush runs in it. Why: TeaVM's runtime calls small flat helpers (the shadow
     * stack's {@code allocStack} alone about 40 % of all calls in a verification), and a flush per return of
     * these was most of the metering cost. Functions reachable other than by a direct call are never flat
     * (no call site would count them). Costs are found bottom-up; recursion is never flat.
     */
    static long[] flatCosts(FunctionBody[] bodies, int importedFunctions, boolean[] reachableFromOutside) {
        long[] cost = new long[bodies.length];
        Arrays.fill(cost, -1);
        int[][] callees = new int[bodies.length][];
        for (int f = 0; f < bodies.length; f++) {
            // a function the host or an indirect call can enter has no call site to count it: metered itself
            callees[f] = reachableFromOutside[f] ? null : straightLineCallees(bodies[f].instructions(), importedFunctions);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < bodies.length; f++) {
                if (cost[f] >= 0 || callees[f] == null) {
                    continue;
                }
                long total = bodies[f].instructions().size();
                for (int callee : callees[f]) {
                    if (cost[callee] < 0) {
                        total = -1;
                        break;
                    }
                    total += cost[callee];
                }
                if (total >= 0) {
                    cost[f] = total;
                    changed = true;
                }
            }
        }
        return cost;
    }

    /**
     * Module functions entered other than by a direct {@code call}: exported, the start function, or
     * referenced by {@code ref.func} (table elements, globals, code), which is how indirect calls reach them.
     */
    static boolean[] reachableFromOutside(WasmModule module, int importedFunctions) {
        boolean[] outside = new boolean[module.functionSection().functionCount()];
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            var export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                mark(outside, export.index(), importedFunctions);
            }
        }
        module.startSection().ifPresent(start -> mark(outside, (int) start.startIndex(), importedFunctions));
        for (int e = 0; e < module.elementSection().elementCount(); e++) {
            for (List<Instruction> init : module.elementSection().getElement(e).initializers()) {
                markReferences(outside, init, importedFunctions);
            }
        }
        for (int g = 0; g < module.globalSection().globalCount(); g++) {
            markReferences(outside, module.globalSection().getGlobal(g).initInstructions(), importedFunctions);
        }
        for (FunctionBody body : module.codeSection().functionBodies()) {
            markReferences(outside, body.instructions(), importedFunctions);
        }
        return outside;
    }

    private static void markReferences(boolean[] outside, List<? extends Instruction> code, int importedFunctions) {
        for (Instruction ins : code) {
            if (ins.opcode() == OpCode.REF_FUNC) {
                mark(outside, (int) ins.operand(0), importedFunctions);
            }
        }
    }

    private static void mark(boolean[] outside, int function, int importedFunctions) {
        if (function >= importedFunctions) {
            outside[function - importedFunctions] = true;
        }
    }

    /** The module functions a straight-line body calls directly (repeats kept), or null if it is not one. */
    private static int[] straightLineCallees(List<? extends Instruction> instructions, int importedFunctions) {
        int last = instructions.size() - 1;
        int[] callees = new int[last + 1];
        int n = 0;
        for (int i = 0; i < last; i++) {
            Instruction ins = instructions.get(i);
            OpCode op = ins.opcode();
            if (op == OpCode.CALL) {
                int target = (int) ins.operand(0);
                if (target < importedFunctions) {
                    return null; // a host call is a flush point
                }
                callees[n++] = target - importedFunctions;
            } else if (!straightLine(op)) {
                return null;
            }
        }
        return Arrays.copyOf(callees, n);
    }

    /** Whether control always goes on to the next instruction: every block, branch, call and throw opcode is not. */
    private static boolean straightLine(OpCode op) {
        switch (op) {
            case BLOCK: case LOOP: case IF: case ELSE: case END: case BR: case BR_IF: case BR_TABLE: case RETURN:
            case UNREACHABLE: case CALL: case CALL_INDIRECT: case RETURN_CALL: case RETURN_CALL_INDIRECT:
            case CALL_REF: case RETURN_CALL_REF: case THROW: case THROW_REF: case TRY_TABLE:
            case BR_ON_NULL: case BR_ON_NON_NULL: case BR_ON_CAST: case BR_ON_CAST_FAIL:
                return false;
            default:
                return true;
        }
    }

    /** Whether an indirect call can reach a host function (then it is a flush point like a direct one). */
    private static boolean tableHoldsImports(WasmModule module, int importedFunctions) {
        for (int e = 0; e < module.elementSection().elementCount(); e++) {
            for (List<Instruction> init : module.elementSection().getElement(e).initializers()) {
                for (Instruction ins : init) {
                    if (ins.opcode() == OpCode.REF_FUNC && ins.operand(0) < importedFunctions) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void plan(List<? extends Instruction> instructions, int chargeFunction, int importedFunctions,
                             boolean tableHoldsImports, long[] flatCost, BodyPlan plan) {
        int last = instructions.size() - 1;
        if (last < 0 || instructions.get(last).opcode() != OpCode.END) {
            throw new IllegalArgumentException("function body does not end with end");
        }
        int segmentStart = -1;
        long count = 0;
        int depth = 0; // open blocks, loops and ifs; label `depth` is the function itself
        for (int i = 0; i <= last; i++) {
            Instruction ins = instructions.get(i);
            OpCode op = ins.opcode();
            if (op == OpCode.END && i != last) {
                // A branch out of a block lands on its end (as Chicory's interpreter counts it), so the
                // end opens the next segment, counted right after it; it runs on fallthrough and branch.
                add(plan, segmentStart, count);
                depth--;
                segmentStart = instructions.get(i + 1).address();
                count = 1;
                continue;
            }
            if (segmentStart < 0) {
                segmentStart = ins.address();
            }
            if (leavesFunction(ins, depth) || i == last
                    || (op == OpCode.CALL && ins.operand(0) < importedFunctions)
                    || (op == OpCode.CALL_INDIRECT && tableHoldsImports)) {
                add(plan, segmentStart, count + 1); // this segment's count must be in acc before the flush
                segmentStart = -1;
                count = 0;
                flush(plan, ins.address(), chargeFunction);
                if (i == last || closesSegment(op)) {
                    continue;
                }
                segmentStart = instructions.get(i + 1).address(); // a host call does not close a segment
                continue;
            }
            count++;
            if (op == OpCode.CALL && flatCost[(int) ins.operand(0) - importedFunctions] >= 0) {
                count += flatCost[(int) ins.operand(0) - importedFunctions]; // the callee runs whole, unmetered
            }
            if (op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF) {
                depth++;
            }
            if (closesSegment(op)) {
                add(plan, segmentStart, count);
                segmentStart = -1;
                count = 0;
                if (op == OpCode.LOOP) {
                    // loop head: runs on entry and after every back edge, so a loop cannot outrun the limit
                    flush(plan, instructions.get(i + 1).address(), chargeFunction);
                }
            }
        }
    }

    /** return, or a branch that can target the function's own label (label index == open blocks). */
    private static boolean leavesFunction(Instruction ins, int depth) {
        switch (ins.opcode()) {
            case RETURN:
                return true;
            case BR:
            case BR_IF:
                return ins.operand(0) == depth;
            case BR_TABLE:
                for (long label : ins.operands()) {
                    if (label == depth) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /** {@code acc += n} at a segment start; code at one address is emitted in the order it was planned. */
    private static void add(BodyPlan plan, int address, long count) {
        if (count == 0) {
            return;
        }
        ByteArrayOutputStream out = plan.at(address);
        out.write(0x20); // local.get acc
        Leb.writeU32(out, plan.accumulator);
        out.write(0x42); // i64.const n
        Leb.writeS64(out, count);
        out.write(0x7C); // i64.add
        out.write(0x21); // local.set acc
        Leb.writeU32(out, plan.accumulator);
        plan.segments++;
    }

    /** {@code acc = charge(acc)}: a call keeps each site small (JVM method size limit of the AOT compiler). */
    private static void flush(BodyPlan plan, int address, int chargeFunction) {
        ByteArrayOutputStream out = plan.at(address);
        out.write(0x20); // local.get acc
        Leb.writeU32(out, plan.accumulator);
        out.write(0x10); // call charge
        Leb.writeU32(out, chargeFunction);
        out.write(0x21); // local.set acc
        Leb.writeU32(out, plan.accumulator);
        plan.flushes++;
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

    /**
     * Body of the added function {@code charge(n: i64) -> i64}: {@code gas -= n; if (gas < 0) unreachable;
     * return 0} (the new value of the caller's accumulator).
     */
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
        body.write(0x42); // i64.const 0
        body.write(0x00);
        body.write(0x0B); // end function
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 2);
        Leb.writeU32(out, body.size());
        out.write(body.toByteArray(), 0, body.size());
        return out.toByteArray();
    }

    private static byte[] rewrite(byte[] in, List<BodyPlan> plans, int gasGlobal, int chargeType) {
        byte[] gasEntry = {0x7E, 0x01, 0x42, 0x00, 0x0B}; // mutable i64, initially 0
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 4);
        out.write(in, 0, WasmSections.HEADER);
        boolean globalsWritten = false;
        for (WasmSections.Section section : WasmSections.read(in)) {
            int id = section.id();
            int start = section.start();
            int end = section.end();
            if (!globalsWritten && id != WasmSections.GLOBAL && orderRank(id) > orderRank(WasmSections.GLOBAL)) {
                // no global section (TeaVM keeps its stack pointer in memory): create one in its place
                ByteArrayOutputStream globals = new ByteArrayOutputStream();
                Leb.writeU32(globals, 1);
                globals.write(gasEntry, 0, gasEntry.length);
                WasmSections.write(out, WasmSections.GLOBAL, globals.toByteArray());
                globalsWritten = true;
            }
            if (id == WasmSections.TYPE) {
                WasmSections.write(out, id, appendEntry(in, start, end, new byte[] {0x60, 0x01, 0x7E, 0x01, 0x7E})); // (i64) -> i64
            } else if (id == WasmSections.FUNCTION) {
                ByteArrayOutputStream typeIndex = new ByteArrayOutputStream();
                Leb.writeU32(typeIndex, chargeType);
                WasmSections.write(out, id, appendEntry(in, start, end, typeIndex.toByteArray()));
            } else if (id == WasmSections.GLOBAL) {
                WasmSections.write(out, id, appendEntry(in, start, end, gasEntry));
                globalsWritten = true;
            } else if (id == WasmSections.EXPORT) {
                WasmSections.write(out, id, appendEntry(in, start, end, gasExport(gasGlobal)));
            } else if (id == WasmSections.CODE) {
                WasmSections.write(out, id, rewriteCode(in, start, end, plans, chargeBody(gasGlobal)));
            } else {
                out.write(in, section.at(), end - section.at());
            }
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

    private static byte[] rewriteCode(byte[] in, int start, int end, List<BodyPlan> plans, byte[] chargeBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + (end - start) / 4);
        int[] p = {start};
        int count = Leb.readU32(in, p);
        if (count != plans.size()) {
            throw new IllegalArgumentException("code section has " + count + " bodies, parser saw " + plans.size());
        }
        Leb.writeU32(out, count + 1L);
        for (int i = 0; i < count; i++) {
            int size = Leb.readU32(in, p);
            int bodyStart = p[0];
            int bodyEnd = bodyStart + size;
            ByteArrayOutputStream body = new ByteArrayOutputStream(size + size / 4 + 16);
            int copied = copyLocalsAddingAccumulator(in, bodyStart, bodyEnd, body);
            for (Map.Entry<Integer, ByteArrayOutputStream> e
                    : plans.get(i).inserts.subMap(bodyStart, true, bodyEnd, false).entrySet()) {
                if (e.getKey() < copied) {
                    throw new IllegalStateException("insert at byte offset " + e.getKey() + " inside the locals");
                }
                body.write(in, copied, e.getKey() - copied);
                body.write(e.getValue().toByteArray(), 0, e.getValue().size());
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

    /**
     * Copies a body's local declarations with one more group, {@code 1 x i64} (the accumulator, whose
     * index is params + existing locals), and returns the offset where the instructions start.
     */
    private static int copyLocalsAddingAccumulator(byte[] in, int bodyStart, int bodyEnd, ByteArrayOutputStream body) {
        int[] p = {bodyStart};
        int groups = Leb.readU32(in, p);
        int groupsStart = p[0];
        for (int g = 0; g < groups; g++) {
            Leb.readU32(in, p);
            int type = p[0] < bodyEnd ? in[p[0]] & 0xFF : -1;
            if (type < 0x6F || type > 0x7F) {
                throw new IllegalArgumentException("local type 0x" + Integer.toHexString(type) + " at byte offset "
                        + p[0] + " is not a one-byte value type");
            }
            p[0]++;
        }
        Leb.writeU32(body, groups + 1L);
        body.write(in, groupsStart, p[0] - groupsStart);
        body.write(0x01);
        body.write(0x7E); // one i64
        return p[0];
    }
}
