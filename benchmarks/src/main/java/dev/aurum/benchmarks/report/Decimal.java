package dev.aurum.benchmarks.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-point text of measured values (no {@code String.format}: its output depends on the locale). */
public final class Decimal {

    private Decimal() {
    }

    /** {@code numerator / denominator} rounded half-up to {@code digits} decimals. */
    public static String fixed(long numerator, long denominator, int digits) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), digits, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** {@code value} rounded half-up to {@code digits} decimals; {@code NaN} as "—". */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** Three significant digits at least, at most 3 decimals: 0.123, 1.23, 12.3, 123, 12345. */
    public static String significant(double value) {
        double abs = Math.abs(value);
        int digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
        return fixed(value, digits);
    }
}
