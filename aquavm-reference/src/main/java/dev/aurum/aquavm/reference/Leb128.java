package dev.aurum.aquavm.reference;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128, the integer encoding of wasm section and body sizes. */
final class Leb128 {

    private Leb128() {
    }

    /** Reads an unsigned 32-bit LEB128 at {@code pos}; returns {@code value | (byteLength << 32)}. */
    static long readU32(byte[] bytes, int pos) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            if (pos + i >= bytes.length) {
                throw new IllegalArgumentException("truncated LEB128 at byte offset " + pos);
            }
            int b = bytes[pos + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("LEB128 u32 overflow at byte offset " + pos);
                }
                return value | ((long) (i + 1) << 32);
            }
        }
        throw new IllegalArgumentException("LEB128 u32 longer than 5 bytes at byte offset " + pos);
    }

    static int value(long readResult) {
        return (int) readResult;
    }

    static int length(long readResult) {
        return (int) (readResult >>> 32);
    }

    static void writeU32(ByteArrayOutputStream out, long value) {
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }
}
