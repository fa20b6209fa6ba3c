package dev.aurum.aquavm.json;

/** UTF-8 helpers shared by the JSON code. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Compares two strings by the byte order of their UTF-8 encodings, which is code-point order. This is
     * Rust's {@code str} order (and so BTreeMap key order); Java's {@code compareTo} compares UTF-16 units
     * and differs for characters above U+FFFF.
     */
    public static int compare(String a, String b) {
        // Fast path (map keys and peer ids are compared thousands of times per verification, and in Wasm
        // every codePointAt is a call): code-point order equals UTF-16 order at the first differing unit
        // unless a surrogate is involved, so only then walk code points.
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    return compareCodePoints(a, b);
                }
                return ca < cb ? -1 : 1;
            }
        }
        return a.length() == b.length() ? 0 : (a.length() < b.length() ? -1 : 1);
    }

    /** {@link #compare} by code points (lone surrogates count as themselves). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        boolean aDone = i >= a.length();
        boolean bDone = j >= b.length();
        return aDone == bDone ? 0 : (aDone ? -1 : 1);
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1 if it is valid Unicode. */
    public static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Length of {@link #encode}'s result, without encoding (size limits check only the length). */
    public static int encodedLength(String s) {
        int n = s.length();
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return length;
    }

    /**
     * UTF-8 bytes of a string, exactly {@code s.getBytes(UTF_8)} (a lone surrogate becomes {@code '?'}).
     * Written out because TeaVM's charset encoder costs about 12,000 Wasm instructions per call (buffers,
     * an encoder object) where this loop costs a few per character.
     */
    public static byte[] encode(String s) {
        int n = s.length();
        byte[] out = new byte[encodedLength(s)];
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[o++] = (byte) (0xF0 | cp >> 18);
                out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[o++] = '?';
            } else {
                out[o++] = (byte) (0xE0 | c >> 12);
                out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    /**
     * Strictly decodes {@code len} bytes at {@code offset} as UTF-8 (Rust's {@code str::from_utf8} rules:
     * no overlong forms, no surrogates, nothing above U+10FFFF). Returns null if the bytes are invalid.
     */
    public static String decodeOrNull(byte[] bytes, int offset, int len) {
        char[] chars = new char[len]; // never more UTF-16 units than bytes; no StringBuilder (costly in Wasm)
        int n = 0;
        int i = offset;
        int end = offset + len;
        while (i < end) {
            int b0 = bytes[i] & 0xff;
            if (b0 < 0x80) {
                chars[n++] = (char) b0;
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                need = 1;
                cp = b0 & 0x1f;
                min = 0x80;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                need = 2;
                cp = b0 & 0x0f;
                min = 0x800;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                need = 3;
                cp = b0 & 0x07;
                min = 0x10000;
            } else {
                return null;
            }
            if (i + need >= end) {
                return null;
            }
            for (int k = 1; k <= need; k++) {
                int b = bytes[i + k] & 0xff;
                if ((b & 0xc0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (b & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return null;
            }
            if (cp >= 0x10000) {
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            } else {
                chars[n++] = (char) cp;
            }
            i += need + 1;
        }
        return new String(chars, 0, n);
    }

    /** Length of the longest valid UTF-8 prefix of the given range (for error offsets). */
    public static int validPrefixLength(byte[] bytes, int offset, int len) {
        int i = 0;
        while (i < len) {
            int step = charLength(bytes, offset + i, len - i);
            if (step <= 0) {
                return i;
            }
            i += step;
        }
        return i;
    }

    private static int charLength(byte[] bytes, int at, int avail) {
        int b0 = bytes[at] & 0xff;
        int need = b0 < 0x80 ? 0 : b0 <= 0xc1 ? -1 : b0 <= 0xdf ? 1 : b0 <= 0xef ? 2 : b0 <= 0xf4 ? 3 : -1;
        if (need == 0) {
            return 1;
        }
        if (need < 0 || need >= avail) {
            return -1;
        }
        return decodeOrNull(bytes, at, need + 1) == null ? -1 : need + 1;
    }
}
