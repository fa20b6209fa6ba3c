package dev.aurum.aquavm.json;

import java.util.Arrays;

/** A growable byte buffer (kept tiny and explicit so that the TeaVM build needs no stream classes). */
public final class ByteSink {

    private byte[] buffer;
    private int size;

    public ByteSink() {
        this(64);
    }

    public ByteSink(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public ByteSink write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
        return this;
    }

    public ByteSink write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    public ByteSink write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Appends ASCII text (callers pass only ASCII). */
    public ByteSink writeAscii(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buffer[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (extra > Integer.MAX_VALUE - 16 - size) {
            throw new IllegalStateException("output too large");
        }
        int needed = size + extra;
        if (needed > buffer.length) {
            int grown = buffer.length <= (Integer.MAX_VALUE - 16) / 2 ? buffer.length * 2 : Integer.MAX_VALUE - 16;
            buffer = Arrays.copyOf(buffer, Math.max(needed, grown));
        }
    }
}
