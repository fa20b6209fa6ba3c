package dev.aurum.aquavm.msgpack;

import dev.aurum.aquavm.json.ByteSink;
import dev.aurum.aquavm.json.Utf8;

/**
 * A MessagePack writer that always picks the smallest encoding, as the {@code rmp} crate does
 * ({@code write_uint}, {@code write_sint}, {@code write_str}, {@code write_bin}, ...): fixints, then
 * 8/16/32/64-bit forms; non-negative signed values use the unsigned forms.
 *
 * <p>Hand-written: msgpack-core cannot be compiled by TeaVM (it relies on {@code sun.misc.Unsafe} and
 * NIO buffers), and the format is small.
 */
public final class MsgpackWriter {

    private final ByteSink out = new ByteSink();

    public MsgpackWriter writeNil() {
        out.write(0xc0);
        return this;
    }

    public MsgpackWriter writeBool(boolean value) {
        out.write(value ? 0xc3 : 0xc2);
        return this;
    }

    /** A u64 given by its bits (values above 2^63-1 as negative longs). */
    public MsgpackWriter writeUnsigned(long bits) {
        if (bits >= 0 && bits < 128) {
            out.write((int) bits);
        } else if (bits >= 0 && bits < 256) {
            out.write(0xcc).write((int) bits);
        } else if (bits >= 0 && bits < 65536) {
            out.write(0xcd);
            be(bits, 2);
        } else if (bits >= 0 && bits < 4294967296L) {
            out.write(0xce);
            be(bits, 4);
        } else {
            out.write(0xcf);
            be(bits, 8);
        }
        return this;
    }

    /** A signed integer; non-negative values are written as unsigned, like rmp's {@code write_sint}. */
    public MsgpackWriter writeSigned(long value) {
        if (value >= 0) {
            return writeUnsigned(value);
        }
        if (value >= -32) {
            out.write((int) value & 0xff);
        } else if (value >= Byte.MIN_VALUE) {
            out.write(0xd0).write((int) value & 0xff);
        } else if (value >= Short.MIN_VALUE) {
            out.write(0xd1);
            be(value, 2);
        } else if (value >= Integer.MIN_VALUE) {
            out.write(0xd2);
            be(value, 4);
        } else {
            out.write(0xd3);
            be(value, 8);
        }
        return this;
    }

    public MsgpackWriter writeFloat32(float value) {
        out.write(0xca);
        be(Float.floatToRawIntBits(value) & 0xffffffffL, 4);
        return this;
    }

    public MsgpackWriter writeFloat64(double value) {
        out.write(0xcb);
        be(Double.doubleToRawLongBits(value), 8);
        return this;
    }

    public MsgpackWriter writeString(String value) {
        byte[] utf8 = Utf8.encode(value);
        int n = utf8.length;
        if (n < 32) {
            out.write(0xa0 | n);
        } else if (n < 256) {
            out.write(0xd9).write(n);
        } else if (n < 65536) {
            out.write(0xda);
            be(n, 2);
        } else {
            out.write(0xdb);
            be(n, 4);
        }
        out.write(utf8);
        return this;
    }

    public MsgpackWriter writeBinary(byte[] value) {
        int n = value.length;
        if (n < 256) {
            out.write(0xc4).write(n);
        } else if (n < 65536) {
            out.write(0xc5);
            be(n, 2);
        } else {
            out.write(0xc6);
            be(n, 4);
        }
        out.write(value);
        return this;
    }

    public MsgpackWriter writeArrayHeader(int size) {
        header(size, 0x90, 0xdc, 0xdd);
        return this;
    }

    public MsgpackWriter writeMapHeader(int size) {
        header(size, 0x80, 0xde, 0xdf);
        return this;
    }

    /** Appends already encoded MessagePack bytes. */
    public MsgpackWriter writeRaw(byte[] encoded) {
        out.write(encoded);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void header(int size, int fix, int m16, int m32) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if (size < 16) {
            out.write(fix | size);
        } else if (size < 65536) {
            out.write(m16);
            be(size, 2);
        } else {
            out.write(m32);
            be(size, 4);
        }
    }

    private void be(long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
