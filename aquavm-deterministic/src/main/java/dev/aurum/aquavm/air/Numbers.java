package dev.aurum.aquavm.air;

/**
 * Number parsing and printing with Rust's semantics. Hand-written because TeaVM lacks
 * {@code Long.parseUnsignedLong} and its {@code Double.parseDouble} is not correctly rounded.
 */
final class Numbers {

    /** AquaVM's {@code SAFE_FLOAT_SIGNIFICAND_SIZE}: longer float words are rejected. */
    static final int MAX_FLOAT_BYTES = 11;

    private Numbers() {
    }

    /** Why Rust's {@code str::parse::<i64>} rejected a word, or null if it accepts it. */
    static String i64Problem(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (s.isEmpty()) {
            return "cannot parse integer from empty string";
        }
        if (i == s.length()) {
            return "invalid digit found in string";
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long acc = 0; // accumulated negatively to reach Long.MIN_VALUE
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return "invalid digit found in string";
            }
            int d = ch - '0';
            if (acc < limit / 10 || acc * 10 < limit + d) {
                // Rust reports an overflow at the digit where it happens, before later digits.
                return negative ? "number too small to fit in target type" : "number too large to fit in target type";
            }
            acc = acc * 10 - d;
        }
        return null;
    }

    /** Rust's {@code str::parse::<i64>} for a word {@link #i64Problem} accepts. */
    static long parseI64(String s) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long acc = 0;
        for (; i < s.length(); i++) {
            acc = acc * 10 - (s.charAt(i) - '0');
        }
        return negative ? acc : -acc;
    }

    /**
     * Rust's {@code str::parse::<f64>} for {@code [+-]?D+.D*} with ASCII digits and at most 11 characters.
     * With at most 10 digits both the digit string and the power of ten are exact doubles, so one
     * IEEE division gives the correctly rounded result.
     */
    static double parseShortFloat(String s) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        long scale = 1;
        boolean fraction = false;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '.') {
                fraction = true;
                continue;
            }
            mantissa = mantissa * 10 + (ch - '0');
            if (fraction) {
                scale *= 10;
            }
        }
        double value = (double) mantissa / (double) scale;
        return negative ? -value : value;
    }

    /** True if the word is {@code [+-]?} then ASCII digits with at most one dot. */
    static boolean isAsciiFloatWord(String s) {
        int i = (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) ? 1 : 0;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '.' && (ch < '0' || ch > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rust's {@code Display} of an f64 parsed from {@code text} (shortest round-trip, no exponent):
     * for a float of at most 10 significant digits that is the written digits without a {@code +},
     * leading zeros, trailing fractional zeros or a bare dot, e.g. {@code +01.50 -> 1.5},
     * {@code 2.0 -> 2}, {@code -0.0 -> -0}.
     */
    static String displayFloat(String text) {
        int i = 0;
        StringBuilder sb = new StringBuilder();
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            if (text.charAt(0) == '-') {
                sb.append('-');
            }
            i = 1;
        }
        int dot = text.indexOf('.', i);
        String intPart = dot < 0 ? text.substring(i) : text.substring(i, dot);
        String fracPart = dot < 0 ? "" : text.substring(dot + 1);
        int lead = 0;
        while (lead < intPart.length() - 1 && intPart.charAt(lead) == '0') {
            lead++;
        }
        intPart = intPart.substring(lead);
        int end = fracPart.length();
        while (end > 0 && fracPart.charAt(end - 1) == '0') {
            end--;
        }
        fracPart = fracPart.substring(0, end);
        sb.append(intPart.isEmpty() ? "0" : intPart);
        if (!fracPart.isEmpty()) {
            sb.append('.').append(fracPart);
        }
        return sb.toString();
    }
}
