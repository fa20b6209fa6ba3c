package dev.aurum.verifier.wasmbuild;

import java.io.ByteArrayOutputStream;

/** LEB128 reading and writing for the few wasm sections the gas meter edits. */
final class Leb {

    private Leb() {
    }

    /** Reads an unsigned LEB128 u32 at {@code pos[0]} and advances it. */
    static int readU32(byte[] b, int[] pos) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            if (pos[0] >= b.length) {
                throw new IllegalArgumentException("truncated LEB128 at byte offset " + pos[0]);
            }
            int x = b[pos[0]++] & 0xFF;
            value |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                if (value > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("LEB128 u32 overflow before byte offset " + pos[0]);
                }
                return (int) value;
            }
        }
        throw new IllegalArgumentException("LEB128 u32 longer than 5 bytes before byte offset " + pos[0]);
    }

    static void writeU32(ByteArrayOutputStream out, long value) {
        long v = value;
        do {
            int x = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? x | 0x80 : x);
        } while (v != 0);
    }

    static void writeS64(ByteArrayOutputStream out, long value) {
        long v = value;
        while (true) {
            int x = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (x & 0x40) == 0) || (v == -1 && (x & 0x40) != 0);
            out.write(done ? x : x | 0x80);
            if (done) {
                return;
            }
        }
    }
}
