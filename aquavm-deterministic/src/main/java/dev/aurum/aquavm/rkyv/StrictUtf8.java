package dev.aurum.aquavm.rkyv;

/**
 * Strict UTF-8 validation with Rust's {@code str::from_utf8} rules (no overlong forms, no surrogates,
 * nothing above U+10FFFF). Hand-written because the JDK's decoder API is not reliably available under
 * TeaVM, and we need the exact offset of the first bad byte for the error.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Index of the first byte that breaks UTF-8 in {@code b[from, from+len)}, or -1 if it is valid. */
    static int firstInvalid(byte[] b, int from, int len) {
        int i = from;
        int end = from + len;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            int max = 0xBF;
            int lo2 = 0x80;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = c == 0xE0 ? 0xA0 : 0x80;
                if (c == 0xED) {
                    max = 0x9F; // U+D800..U+DFFF are surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = c == 0xF0 ? 0x90 : 0x80;
                if (c == 0xF4) {
                    max = 0x8F; // above U+10FFFF
                }
            } else {
                return i;
            }
            if (end - i <= need) {
                return i;
            }
            int c1 = b[i + 1] & 0xFF;
            if (c1 < min || c1 > max) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int ck = b[i + k] & 0xFF;
                if (ck < lo2 || ck > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
