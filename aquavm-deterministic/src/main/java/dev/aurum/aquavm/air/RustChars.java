package dev.aurum.aquavm.air;

/**
 * Rust's {@code char} classification, which AquaVM's lexers use. Java's own predicates differ
 * ({@code Character.isWhitespace} excludes no-break spaces and includes U+001C..U+001F; the JVM's and
 * TeaVM's Unicode versions differ from Rust's), so the properties are spelled out here and in
 * {@link UnicodeTables}.
 */
final class RustChars {

    private RustChars() {
    }

    /** Rust {@code char::is_whitespace}: the Unicode White_Space property. */
    static boolean isWhitespace(int c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D);
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Rust {@code char::is_numeric}: general category Nd, Nl or No. */
    static boolean isNumeric(int c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9';
        }
        return UnicodeTables.contains(UnicodeTables.NUMERIC, c);
    }

    /** Rust {@code char::is_alphanumeric}: the Alphabetic property or a numeric category. */
    static boolean isAlphanumeric(int c) {
        if (c < 0x80) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return UnicodeTables.contains(UnicodeTables.ALPHANUMERIC, c);
    }

    /** AquaVM's {@code is_air_alphanumeric}: alphanumeric, {@code _} or {@code -}. */
    static boolean isAirAlphanumeric(int c) {
        return isAlphanumeric(c) || c == '_' || c == '-';
    }

    /** AquaVM's {@code is_lens_allowed_char}: what the AIR lexer lets through into a lens. */
    static boolean isLensAllowed(int c) {
        switch (c) {
            case '$', '@', '[', ']', '(', ')', ':', '?', '.', '*', ',', '"', '\'':
                return true;
            default:
                return isAirAlphanumeric(c);
        }
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Bytes the code point takes in UTF-8; a lone surrogate counts as its 3-byte replacement. */
    static int utf8Length(int c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return c < 0x10000 ? 3 : 4;
    }
}
