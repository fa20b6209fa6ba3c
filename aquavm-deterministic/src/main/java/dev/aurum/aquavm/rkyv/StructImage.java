package dev.aurum.aquavm.rkyv;


/**
 * The bytes of one archived struct being written at a known position (rkyv's {@code resolve}
 * into a zeroed buffer, so padding and unused enum-variant bytes are zero).
 */
final class StructImage {

    final int pos;
    final byte[] bytes;

    StructImage(int pos, int size) {
        this.pos = pos;
        this.bytes = new byte[size];
    }

    void u8(int off, int value) {
        bytes[off] = (byte) value;
    }

    /** Big-endian u32 / i32. */
    void u32(int off, long value) {
        bytes[off] = (byte) (value >>> 24);
        bytes[off + 1] = (byte) (value >>> 16);
        bytes[off + 2] = (byte) (value >>> 8);
        bytes[off + 3] = (byte) value;
    }

    /** A relative pointer at {@code off} to absolute position {@code target}. */
    void rel(int off, int target) {
        u32(off, target - (pos + off));
    }

    /** A relative pointer plus u32 length: {@code RelPtr<str>}, {@code RelPtr<[u8]>}, {@code ArchivedVec}. */
    void fat(int off, int target, long len) {
        rel(off, target);
        u32(off + 4, len);
    }

    /**
     * An {@code ArchivedString} at {@code off}: inline if it has at most 7 UTF-8 bytes, else its
     * length and a little-endian offset to {@code textPos}.
     */
    void string(int off, byte[] utf8, int textPos) {
        if (utf8.length <= Layout.STRING_INLINE_CAPACITY) {
            System.arraycopy(utf8, 0, bytes, off, utf8.length);
            bytes[off + 7] = (byte) utf8.length;
            return;
        }
        u32(off, utf8.length);
        int offset = textPos - (pos + off);
        bytes[off + 4] = (byte) offset;
        bytes[off + 5] = (byte) (offset >>> 8);
        bytes[off + 6] = (byte) (offset >>> 16);
        bytes[off + 7] = (byte) (offset >>> 24);
    }

    /** UTF-8 of {@code s}; a lone surrogate has no UTF-8 form, and getBytes would silently write '?'. */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate at index " + i + " cannot be written as UTF-8");
            }
        }
        return dev.aurum.aquavm.json.Utf8.encode(s);
    }
}
