package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The 15 wasm SIMD opcodes that {@code avm.wasm} uses (all inside its BLAKE3 code), in plain Java 17.
 *
 * <p>Chicory 1.7.5's interpreter has no SIMD and its {@code simd} artifact is neither on Maven Central
 * nor usable on Java 17 (it needs the incubator Vector API), hence this small implementation.
 *
 * <p>Representation (Chicory's): a v128 occupies two stack slots, the low 64 bits (lanes 0..7 as
 * little-endian bytes) pushed first, the high 64 bits on top. Immediates of {@code v128.const} and
 * {@code i8x16.shuffle} arrive as two longs {@code [low, high]}; a memarg as {@code [align, offset, memidx]}.
 */
final class SimdOps {

    static final Set<OpCode> SUPPORTED = EnumSet.of(
            OpCode.V128_LOAD, OpCode.V128_STORE, OpCode.V128_CONST, OpCode.V128_LOAD32_ZERO,
            OpCode.V128_LOAD64_ZERO, OpCode.V128_OR, OpCode.V128_XOR, OpCode.V128_BITSELECT,
            OpCode.I32x4_ADD, OpCode.I32x4_SHL, OpCode.I32x4_SHR_U, OpCode.I32x4_SPLAT,
            OpCode.I64x2_SPLAT, OpCode.I32x4_REPLACE_LANE, OpCode.I8x16_SHUFFLE);

    private static final long LOW32 = 0xFFFF_FFFFL;

    private SimdOps() {
    }

    /** Executes {@code ins} if it is one of the supported opcodes; returns false otherwise. */
    static boolean execute(MStack stack, Instance instance, Instruction ins) {
        long[] imm = ins.operands();
        switch (ins.opcode()) {
            case V128_LOAD: {
                Memory memory = instance.memory((int) imm[2]);
                int p = effectiveAddress(stack, imm, 16);
                stack.push(memory.readLong(p));
                stack.push(memory.readLong(p + 8));
                return true;
            }
            case V128_LOAD32_ZERO: {
                Memory memory = instance.memory((int) imm[2]);
                int p = effectiveAddress(stack, imm, 4);
                stack.push(memory.readInt(p) & LOW32);
                stack.push(0L);
                return true;
            }
            case V128_LOAD64_ZERO: {
                Memory memory = instance.memory((int) imm[2]);
                int p = effectiveAddress(stack, imm, 8);
                stack.push(memory.readLong(p));
                stack.push(0L);
                return true;
            }
            case V128_STORE: {
                long hi = stack.pop();
                long lo = stack.pop();
                Memory memory = instance.memory((int) imm[2]);
                int p = effectiveAddress(stack, imm, 16);
                memory.writeLong(p, lo);
                memory.writeLong(p + 8, hi);
                return true;
            }
            case V128_CONST:
                stack.push(imm[0]);
                stack.push(imm[1]);
                return true;
            case V128_OR: {
                long bh = stack.pop(), bl = stack.pop(), ah = stack.pop(), al = stack.pop();
                stack.push(al | bl);
                stack.push(ah | bh);
                return true;
            }
            case V128_XOR: {
                long bh = stack.pop(), bl = stack.pop(), ah = stack.pop(), al = stack.pop();
                stack.push(al ^ bl);
                stack.push(ah ^ bh);
                return true;
            }
            case V128_BITSELECT: {
                // (v1 & mask) | (v2 & ~mask), operands pushed as v1, v2, mask
                long mh = stack.pop(), ml = stack.pop();
                long bh = stack.pop(), bl = stack.pop();
                long ah = stack.pop(), al = stack.pop();
                stack.push((al & ml) | (bl & ~ml));
                stack.push((ah & mh) | (bh & ~mh));
                return true;
            }
            case I32x4_ADD: {
                long bh = stack.pop(), bl = stack.pop(), ah = stack.pop(), al = stack.pop();
                stack.push(add32x2(al, bl));
                stack.push(add32x2(ah, bh));
                return true;
            }
            case I32x4_SHL: {
                int shift = (int) stack.pop() & 31;
                long h = stack.pop(), l = stack.pop();
                stack.push(shl32x2(l, shift));
                stack.push(shl32x2(h, shift));
                return true;
            }
            case I32x4_SHR_U: {
                int shift = (int) stack.pop() & 31;
                long h = stack.pop(), l = stack.pop();
                stack.push(shrU32x2(l, shift));
                stack.push(shrU32x2(h, shift));
                return true;
            }
            case I32x4_SPLAT: {
                long x = stack.pop() & LOW32;
                long both = x | (x << 32);
                stack.push(both);
                stack.push(both);
                return true;
            }
            case I64x2_SPLAT: {
                long x = stack.pop();
                stack.push(x);
                stack.push(x);
                return true;
            }
            case I32x4_REPLACE_LANE: {
                long x = stack.pop() & LOW32;
                long h = stack.pop(), l = stack.pop();
                int lane = (int) imm[0];
                if (lane < 0 || lane > 3) {
                    throw new WasmRuntimeException("i32x4.replace_lane: invalid lane " + lane);
                }
                int bit = (lane & 1) * 32;
                long clear = ~(LOW32 << bit);
                if (lane < 2) {
                    l = (l & clear) | (x << bit);
                } else {
                    h = (h & clear) | (x << bit);
                }
                stack.push(l);
                stack.push(h);
                return true;
            }
            case I8x16_SHUFFLE: {
                long bh = stack.pop(), bl = stack.pop(), ah = stack.pop(), al = stack.pop();
                long[] sources = {al, ah, bl, bh};
                long outLo = 0;
                long outHi = 0;
                for (int i = 0; i < 16; i++) {
                    int selector = (int) ((imm[i >> 3] >>> ((i & 7) * 8)) & 0xFF);
                    if (selector > 31) {
                        throw new WasmRuntimeException("i8x16.shuffle: invalid lane index " + selector);
                    }
                    long b = (sources[selector >> 3] >>> ((selector & 7) * 8)) & 0xFF;
                    if (i < 8) {
                        outLo |= b << (i * 8);
                    } else {
                        outHi |= b << ((i - 8) * 8);
                    }
                }
                stack.push(outLo);
                stack.push(outHi);
                return true;
            }
            default:
                return false;
        }
    }

    /** Pops the base address and adds the memarg offset; traps (like wasm) instead of wrapping. */
    private static int effectiveAddress(MStack stack, long[] memarg, int width) {
        long base = stack.pop() & LOW32;
        long address = base + memarg[1];
        if (address + width > Integer.MAX_VALUE) {
            throw new WasmRuntimeException("out of bounds memory access");
        }
        return (int) address;
    }

    private static long add32x2(long a, long b) {
        long lo = (a + b) & LOW32;
        long hi = ((a >>> 32) + (b >>> 32)) & LOW32;
        return lo | (hi << 32);
    }

    private static long shl32x2(long v, int shift) {
        long lo = (v << shift) & LOW32;
        long hi = ((v >>> 32) << shift) & LOW32;
        return lo | (hi << 32);
    }

    private static long shrU32x2(long v, int shift) {
        long lo = (v & LOW32) >>> shift;
        long hi = (v >>> 32) >>> shift;
        return lo | (hi << 32);
    }
}
