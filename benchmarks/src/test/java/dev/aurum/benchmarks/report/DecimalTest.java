package dev.aurum.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void fixedRoundsHalfUpWithoutLocale() {
        assertEquals("1.23", Decimal.fixed(1_234_999L, 1_000_000L, 2));
        assertEquals("1.24", Decimal.fixed(1_235_000L, 1_000_000L, 2));
        assertEquals("12.0", Decimal.fixed(12L, 1L, 1));
        assertEquals("0.00", Decimal.fixed(0L, 7L, 2));
        assertEquals("—", Decimal.fixed(Double.NaN, 2));
    }

    @Test
    void significantKeepsAboutThreeDigits() {
        assertEquals("0.123", Decimal.significant(0.12345));
        assertEquals("1.23", Decimal.significant(1.2345));
        assertEquals("12.3", Decimal.significant(12.345));
        assertEquals("12346", Decimal.significant(12345.6));
    }
}
