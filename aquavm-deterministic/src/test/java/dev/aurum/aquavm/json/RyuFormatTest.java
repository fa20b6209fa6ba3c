package dev.aurum.aquavm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RyuFormatTest {

    /** Every {@code check!} literal of dtolnay/ryu's tests/d2s_test.rs is its own expected output. */
    @Test
    void matchesRyuCrateTestVectors() throws Exception {
        List<String> vectors = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/vectors/ryu-d2s-pretty.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    vectors.add(line.trim());
                }
            }
        }
        assertTrue(vectors.size() > 100, "vector file read");
        for (String expected : vectors) {
            assertEquals(expected, RyuFormat.format(Double.parseDouble(expected)), expected);
        }
    }

    @Test
    void layoutThresholds() {
        assertEquals("1.0", RyuFormat.format(1.0));
        assertEquals("15.0", RyuFormat.format(15.0));
        assertEquals("0.1", RyuFormat.format(0.1));
        assertEquals("1e21", RyuFormat.format(1e21));
        assertEquals("1.5e-7", RyuFormat.format(1.5e-7));
        assertEquals("-0.0", RyuFormat.format(-0.0));
        assertEquals("0.0", RyuFormat.format(0.0));
        assertEquals("1000000000000000.0", RyuFormat.format(1e15));
        assertEquals("1e16", RyuFormat.format(1e16));
        assertEquals("1.2345678901234568e17", RyuFormat.format(123456789012345680.0));
        assertEquals("1e20", RyuFormat.format(1e20));
        assertEquals("0.0001", RyuFormat.format(0.0001));
        assertEquals("0.00001", RyuFormat.format(0.00001));
        assertEquals("1e-6", RyuFormat.format(0.000001));
        assertEquals("0.000012", RyuFormat.format(0.000012));
        assertEquals("1.2e-6", RyuFormat.format(0.0000012));
        assertEquals("0.00012", RyuFormat.format(0.00012));
        assertEquals("123.456", RyuFormat.format(123.456));
        assertEquals("-1.5e300", RyuFormat.format(-1.5e300));
        assertEquals("5e-324", RyuFormat.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e308", RyuFormat.format(Double.MAX_VALUE));
        assertEquals("9007199254740992.0", RyuFormat.format(9007199254740992.0));
        assertEquals("100.0", RyuFormat.format(100.0));
    }

    /** Random bit patterns: output reads back to the same double and equals an independent oracle. */
    @Test
    void randomValuesAreShortestNearestAndRoundTrip() {
        Random random = new Random(0x5EEDL);
        for (int i = 0; i < 2500; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v) || v == 0.0) {
                continue;
            }
            String text = RyuFormat.format(v);
            assertEquals(v, Double.parseDouble(text), text);
            assertEquals(oracleDigits(Math.abs(v)), digitsOf(text), text);
        }
    }

    /**
     * Independent oracle from BigDecimal: the fewest significant digits n for which some n-digit decimal
     * (nearest, floor or ceiling of the exact value) reads back as v; among those, the nearest.
     */
    private static String oracleDigits(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int n = 1; n <= 17; n++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                    RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(n, mode));
                if (candidate.doubleValue() == v && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.unscaledValue().toString().replaceAll("0+$", "");
            }
        }
        throw new AssertionError("no oracle for " + v);
    }

    private static String digitsOf(String ryuText) {
        String mantissa = ryuText.replace("-", "");
        int e = mantissa.indexOf('e');
        if (e >= 0) {
            mantissa = mantissa.substring(0, e);
        }
        String digits = mantissa.replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return digits;
    }
}
