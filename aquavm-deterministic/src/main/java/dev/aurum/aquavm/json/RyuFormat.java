package dev.aurum.aquavm.json;

/**
 * Formats a double exactly as the {@code ryu} crate's {@code Buffer::format_finite} (used by serde_json):
 * shortest round-trip digits, then ryu's layout. With {@code kk} the position of the decimal point
 * relative to the first digit: integers up to 16 digits get {@code .0} ({@code 1.0}, {@code 1e16});
 * {@code 0 < kk <= 16} puts the point inside ({@code 12.34}); {@code -5 < kk <= 0} writes leading zeros
 * ({@code 0.0001}); everything else uses scientific notation without {@code +} or padding
 * ({@code 1e-7}, {@code 1.5e300}). Zero is {@code 0.0} / {@code -0.0}.
 */
public final class RyuFormat {

    private RyuFormat() {
    }

    /** The ryu text of a finite double; throws for NaN and infinities (serde_json writes those as null). */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("ryu formats finite values only");
        }
        StringBuilder out = new StringBuilder(24);
        if ((Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0) {
            out.append('-');
        }
        if (value == 0.0) {
            return out.append("0.0").toString();
        }
        ExactFloat.Decimal d = ExactFloat.shortest(value);
        String digits = Long.toString(d.mantissa());
        int length = digits.length();
        int k = d.exponent();
        int kk = length + k;
        if (0 <= k && kk <= 16) {
            out.append(digits);
            for (int i = length; i < kk; i++) {
                out.append('0');
            }
            out.append(".0");
        } else if (0 < kk && kk <= 16) {
            out.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (-5 < kk && kk <= 0) {
            out.append("0.");
            for (int i = kk; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(kk - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(kk - 1);
        }
        return out.toString();
    }
}
