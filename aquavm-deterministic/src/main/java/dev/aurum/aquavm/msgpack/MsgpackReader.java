package dev.aurum.aquavm.msgpack;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.Utf8;
import java.util.Arrays;

/**
 * A bounded MessagePack reader over a byte array. Every declared length is checked against the bytes
 * that remain before anything is allocated, array and map counts are checked against the smallest
 * possible encoding of their elements, and {@link #skipValue} has a depth limit; so hostile input
 * costs at most time and memory linear in its size. Errors are {@link DecodeException}s naming the
 * field being read and the offset of the offending marker. Extension types are rejected (AquaVM never
 * writes them).
 *
 * <p>Hand-written: msgpack-core cannot be compiled by TeaVM (it relies on {@code sun.misc.Unsafe} and
 * NIO buffers).
 */
public final class MsgpackReader {

    /** rmp_serde's default depth limit: 1024 nested containers fail. */
    public static final int DEFAULT_DEPTH_LIMIT = 1024;

    private final byte[] data;
    private final String format;
    private int pos;

    public MsgpackReader(byte[] data) {
        this(data, 0, "msgpack");
    }

    /**
     * @param format the format named in errors (e.g. {@code call_requests})
     */
    public MsgpackReader(byte[] data, int start, String format) {
        if (start < 0 || start > data.length) {
            throw new IllegalArgumentException("start outside the data");
        }
        this.data = data;
        this.pos = start;
        this.format = format;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return data.length - pos;
    }

    public boolean hasRemaining() {
        return pos < data.length;
    }

    public DecodeException error(String field, long offset, String problem) {
        return new DecodeException(format, field, offset, problem);
    }

    public MsgpackType peekType(String field) throws DecodeException {
        if (pos >= data.length) {
            throw error(field, pos, "unexpected end of input, a value was expected");
        }
        MsgpackType type = MsgpackType.ofMarker(data[pos] & 0xff);
        if (type == null) {
            throw error(field, pos, "reserved marker 0xc1");
        }
        return type;
    }

    public void readNil(String field) throws DecodeException {
        expect(field, MsgpackType.NIL);
        pos++;
    }

    public boolean readBool(String field) throws DecodeException {
        expect(field, MsgpackType.BOOLEAN);
        return (data[pos++] & 0xff) == 0xc3;
    }

    public MsgpackInteger readInteger(String field) throws DecodeException {
        expect(field, MsgpackType.INTEGER);
        int at = pos;
        int m = data[pos++] & 0xff;
        if (m <= 0x7f) {
            return new MsgpackInteger(m, false);
        }
        if (m >= 0xe0) {
            return new MsgpackInteger((byte) m, true);
        }
        switch (m) {
            case 0xcc: return new MsgpackInteger(be(field, at, 1), false);
            case 0xcd: return new MsgpackInteger(be(field, at, 2), false);
            case 0xce: return new MsgpackInteger(be(field, at, 4), false);
            case 0xcf: return new MsgpackInteger(be(field, at, 8), false);
            case 0xd0: return signed((byte) be(field, at, 1));
            case 0xd1: return signed((short) be(field, at, 2));
            case 0xd2: return signed((int) be(field, at, 4));
            default: return signed(be(field, at, 8));
        }
    }

    private static MsgpackInteger signed(long value) {
        return new MsgpackInteger(value, value < 0);
    }

    /** An integer of any width whose value lies in {@code [min, max]} (serde's range-checked visit). */
    public long readLong(String field, long min, long max) throws DecodeException {
        int at = pos;
        MsgpackInteger value = readInteger(field);
        if (!value.inRange(min, max)) {
            throw error(field, at, "integer " + value + " out of range [" + min + ", " + max + "]");
        }
        return value.bits();
    }

    public int readInt32(String field) throws DecodeException {
        return (int) readLong(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A u32 as a long in {@code [0, 2^32-1]}. */
    public long readUint32(String field) throws DecodeException {
        return readLong(field, 0, 0xffffffffL);
    }

    /** An f32 (widened) or f64. */
    public double readDouble(String field) throws DecodeException {
        expect(field, MsgpackType.FLOAT);
        int at = pos;
        int m = data[pos++] & 0xff;
        if (m == 0xca) {
            return Float.intBitsToFloat((int) be(field, at, 4));
        }
        return Double.longBitsToDouble(be(field, at, 8));
    }

    /** True if the next value is an f32 (so callers can keep the distinction). */
    public boolean nextIsFloat32() {
        return pos < data.length && (data[pos] & 0xff) == 0xca;
    }

    public String readString(String field) throws DecodeException {
        expect(field, MsgpackType.STRING);
        int at = pos;
        int m = data[pos++] & 0xff;
        int length = stringLength(field, at, m);
        String s = Utf8.decodeOrNull(data, pos, length);
        if (s == null) {
            throw error(field, pos + Utf8.validPrefixLength(data, pos, length), "string is not valid UTF-8");
        }
        pos += length;
        return s;
    }

    public byte[] readBinary(String field) throws DecodeException {
        expect(field, MsgpackType.BINARY);
        int at = pos;
        int m = data[pos++] & 0xff;
        int length = (int) length(field, at, m == 0xc4 ? 1 : m == 0xc5 ? 2 : 4);
        byte[] out = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return out;
    }

    public int readArrayHeader(String field) throws DecodeException {
        expect(field, MsgpackType.ARRAY);
        int at = pos;
        int m = data[pos++] & 0xff;
        long count = m <= 0x9f ? m & 0x0f : be(field, at, m == 0xdc ? 2 : 4);
        return checkedCount(field, at, count, 1);
    }

    public int readMapHeader(String field) throws DecodeException {
        expect(field, MsgpackType.MAP);
        int at = pos;
        int m = data[pos++] & 0xff;
        long count = m <= 0x8f ? m & 0x0f : be(field, at, m == 0xde ? 2 : 4);
        return checkedCount(field, at, count, 2);
    }

    /** Skips one complete value of any type except extensions. */
    public void skipValue(String field) throws DecodeException {
        skipValue(field, DEFAULT_DEPTH_LIMIT);
    }

    public void skipValue(String field, int depthLimit) throws DecodeException {
        // Iterative: a counter of values still to skip per open container, so no recursion on input.
        long pending = 1;
        int depth = 0;
        long[] stack = new long[16];
        while (true) {
            while (pending == 0) {
                if (depth == 0) {
                    return;
                }
                pending = stack[--depth];
            }
            pending--;
            MsgpackType type = peekType(field);
            switch (type) {
                case NIL -> pos++;
                case BOOLEAN -> pos++;
                case INTEGER -> readInteger(field);
                case FLOAT -> readDouble(field);
                case STRING -> skipString(field);
                case BINARY -> skipBinary(field);
                case ARRAY, MAP -> {
                    int at = pos;
                    long inner = type == MsgpackType.ARRAY ? readArrayHeader(field) : 2L * readMapHeader(field);
                    if (depth + 1 >= depthLimit) {
                        throw error(field, at, "depth limit of " + depthLimit + " exceeded");
                    }
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[depth++] = pending;
                    pending = inner;
                }
                case EXTENSION -> throw extension(field);
            }
        }
    }

    private void skipString(String field) throws DecodeException {
        int at = pos;
        int m = data[pos++] & 0xff;
        int length = stringLength(field, at, m);
        pos += length;
    }

    private void skipBinary(String field) throws DecodeException {
        int at = pos;
        int m = data[pos++] & 0xff;
        pos += (int) length(field, at, m == 0xc4 ? 1 : m == 0xc5 ? 2 : 4);
    }

    private DecodeException extension(String field) {
        return error(field, pos, "extension type (marker 0x" + Integer.toHexString(data[pos] & 0xff)
                + ") is not supported");
    }

    private void expect(String field, MsgpackType expected) throws DecodeException {
        MsgpackType actual = peekType(field);
        if (actual == MsgpackType.EXTENSION) {
            throw extension(field);
        }
        if (actual != expected) {
            throw error(field, pos, "expected " + expected.label() + " but found "
                    + actual.label() + " (marker 0x" + Integer.toHexString(data[pos] & 0xff) + ")");
        }
    }

    private int stringLength(String field, int markerAt, int marker) throws DecodeException {
        if (marker >= 0xa0 && marker <= 0xbf) {
            int n = marker & 0x1f;
            if (n > remaining()) {
                throw error(field, markerAt, "declared length " + n + " exceeds the " + remaining() + " remaining bytes");
            }
            return n;
        }
        return (int) length(field, markerAt, marker == 0xd9 ? 1 : marker == 0xda ? 2 : 4);
    }

    /** Reads a big-endian length field and checks that many bytes remain. */
    private long length(String field, int markerAt, int bytes) throws DecodeException {
        long n = be(field, markerAt, bytes);
        if (n > remaining()) {
            throw error(field, markerAt, "declared length " + n + " exceeds the " + remaining() + " remaining bytes");
        }
        return n;
    }

    private int checkedCount(String field, int markerAt, long count, int minBytesPerElement) throws DecodeException {
        if (count * minBytesPerElement > remaining()) {
            throw error(field, markerAt, "declared " + count + " elements cannot fit in the " + remaining()
                    + " remaining bytes");
        }
        return (int) count;
    }

    private long be(String field, int markerAt, int bytes) throws DecodeException {
        if (remaining() < bytes) {
            throw error(field, markerAt, "truncated: " + bytes + " bytes needed after the marker, "
                    + remaining() + " remain");
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (data[pos++] & 0xff);
        }
        return v;
    }
}
