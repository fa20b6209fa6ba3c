package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.json.RyuFormat;

/** Texts as Rust formats them, for error messages that embed Rust {@code Display}/{@code Debug} output. */
final class RustText {

    private RustText() {
    }

    /**
     * Rust's {@code Display} of a finite f64, as the serde of avm.wasm 0.62 prints it: the shortest
     * round-trip digits written out without an exponent and without a {@code .0} ({@code 2}, {@code 1500...0}).
     */
    static String display(double value) {
        if (value == 0.0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        String ryu = RyuFormat.format(value);
        boolean negative = ryu.startsWith("-");
        String body = negative ? ryu.substring(1) : ryu;
        int e = body.indexOf('e');
        int exponent = e < 0 ? 0 : Integer.parseInt(body.substring(e + 1));
        String mantissa = e < 0 ? body : body.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        // strip the leading zeros ryu writes for small values (0.0001) and trailing ones after the point
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            point--;
        }
        digits = digits.substring(lead);
        int end = digits.length();
        while (end > 1 && end > point && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length()));
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /**
     * Rust's {@code Debug} of a str: quoted, with the escapes Rust writes by name and control characters as
     * backslash-u escapes in braces (other characters Rust deems unprintable, e.g. unassigned code points, are kept).
     */
    static String debug(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        sb.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
