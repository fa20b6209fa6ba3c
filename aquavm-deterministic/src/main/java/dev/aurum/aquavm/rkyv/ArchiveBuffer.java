package dev.aurum.aquavm.rkyv;

import java.util.Arrays;

/** The growing output of the rkyv writer: appends bytes, pads with zeros to an alignment. */
final class ArchiveBuffer {

    private byte[] buf = new byte[256];
    private int pos;

    int pos() {
        return pos;
    }

    /** Pads with zeros to a multiple of {@code align} (rkyv's {@code Serializer::align}); returns the new position. */
    int align(int align) {
        int pad = (align - (pos & (align - 1))) & (align - 1);
        ensure(pad);
        pos += pad; // the buffer is zero-filled
        return pos;
    }

    /** Appends {@code b}; returns where it starts. */
    int write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        int at = pos;
        pos += b.length;
        return at;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int extra) {
        long need = (long) pos + extra;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("rkyv archive larger than 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length)));
        }
    }
}
