package dev.aurum.aquavm.cid;

import dev.aurum.aquavm.codec.DecodeException;

/** RFC 4648 base32, lower-case alphabet, no padding: the {@code b} multibase used by CIDs. */
final class Base32 {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Base32() {
    }

    static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    /** Decodes strictly: lower-case only, no padding, unused trailing bits must be zero. */
    static byte[] decode(String text, int offsetForErrors) throws DecodeException {
        int rem = text.length() % 8;
        if (rem == 1 || rem == 3 || rem == 6) {
            throw new DecodeException("cid", "multibase", offsetForErrors + text.length(),
                    "base32 text has an impossible length " + text.length());
        }
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                throw new DecodeException("cid", "multibase", offsetForErrors + i,
                        "invalid base32 character (lower-case RFC 4648 alphabet, no padding expected)");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
            buffer &= (1 << bits) - 1;
        }
        if (buffer != 0) {
            throw new DecodeException("cid", "multibase", offsetForErrors + text.length() - 1,
                    "base32 text has non-zero trailing bits");
        }
        return out;
    }
}
