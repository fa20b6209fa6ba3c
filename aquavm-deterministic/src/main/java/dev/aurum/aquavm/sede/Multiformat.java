package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;

/**
 * AquaVM's "multiformat" framing (crate {@code air-interpreter-sede}): an unsigned-varint multicodec
 * followed by the payload. Only the codec the caller expects is accepted, as in
 * {@code decode_multiformat}; the varint must be minimal and fit a u32 ({@code unsigned-varint} rules).
 */
public final class Multiformat {

    /** multicodec {@code json}: bytes {@code 80 04}. */
    public static final int CODEC_JSON = 0x0200;
    /** multicodec {@code messagepack}: bytes {@code 81 04}. */
    public static final int CODEC_MSGPACK = 0x0201;

    private Multiformat() {
    }

    public static byte[] prefix(int codec) {
        byte[] buf = new byte[5];
        int n = 0;
        long v = codec & 0xffffffffL;
        while (v >= 0x80) {
            buf[n++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buf[n++] = (byte) v;
        return java.util.Arrays.copyOf(buf, n);
    }

    public static byte[] wrap(int codec, byte[] payload) {
        byte[] p = prefix(codec);
        byte[] out = java.util.Arrays.copyOf(p, p.length + payload.length);
        System.arraycopy(payload, 0, out, p.length, payload.length);
        return out;
    }

    /** Reads the codec prefix and returns the payload's start offset; any other codec is rejected. */
    public static int payloadStart(byte[] data, int expectedCodec, String format) throws DecodeException {
        long codec = 0;
        int i = 0;
        while (true) {
            if (i >= data.length) {
                throw new DecodeException(format, "multiformat.codec", i,
                        data.length == 0 ? "empty input, a multicodec prefix was expected" : "truncated codec varint");
            }
            if (i >= 5) {
                throw new DecodeException(format, "multiformat.codec", i, "codec varint overflows a u32");
            }
            int b = data[i] & 0xff;
            codec |= (long) (b & 0x7f) << (7 * i);
            i++;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 1) {
                    throw new DecodeException(format, "multiformat.codec", i - 1, "codec varint is not minimal");
                }
                break;
            }
        }
        if (codec > 0xffffffffL) {
            throw new DecodeException(format, "multiformat.codec", 0, "codec varint overflows a u32");
        }
        if (codec != expectedCodec) {
            throw new DecodeException(format, "multiformat.codec", 0, "unsupported codec 0x"
                    + Long.toHexString(codec) + " (expected 0x" + Integer.toHexString(expectedCodec) + ")");
        }
        return i;
    }
}
