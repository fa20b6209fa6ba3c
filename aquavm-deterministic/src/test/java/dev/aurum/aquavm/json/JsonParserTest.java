package dev.aurum.aquavm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonParser.FloatParsing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    private static JsonValue parse(String s) throws DecodeException {
        return JsonParser.parse(s);
    }

    private static double exact(String s) throws DecodeException {
        return ((JsonFloat) JsonParser.parse(s.getBytes(StandardCharsets.UTF_8), FloatParsing.CORRECTLY_ROUNDED))
                .value();
    }

    private static String errorOf(String s) {
        DecodeException e = assertThrows(DecodeException.class, () -> parse(s));
        assertEquals("json", e.format());
        return e.getMessage();
    }

    @Test
    void integersKeepSerdeKinds() throws Exception {
        assertEquals(new JsonPosInt(0), parse("0"));
        assertEquals(JsonValue.of(1L), parse("1"));
        assertEquals(new JsonPosInt(-1L), parse("18446744073709551615"));
        assertEquals(new JsonFloat(18446744073709551616.0), parse("18446744073709551616"));
        assertEquals(new JsonNegInt(Long.MIN_VALUE), parse("-9223372036854775808"));
        assertEquals(new JsonFloat(-9223372036854775809.0), parse("-9223372036854775809"));
        JsonValue minusZero = parse("-0");
        assertInstanceOf(JsonFloat.class, minusZero);
        assertEquals("-0.0", JsonWriter.toCompactString(minusZero));
        assertNotEquals(parse("1"), parse("1.0"));
        assertEquals(parse("1.0"), JsonValue.of(1.0));
        assertEquals(parse("-1"), JsonValue.of(-1L));
    }

    @Test
    void structuresAndStrings() throws Exception {
        JsonValue v = parse(" {\"b\" : [1, -2, 3.5, true, false, null], \"a\":{}, \"a\":\"last\"}\n");
        assertEquals("{\"a\":\"last\",\"b\":[1,-2,3.5,true,false,null]}", JsonWriter.toCompactString(v));
        assertEquals("\ud83d\ude00/\u0000", parse("\"\\ud83d\\ude00\\/\\u0000\"").asString());
        assertEquals("é€", parse("\"é€\"").asString());
        assertEquals("\"\\\b\f\n\r\t", parse("\"\\\"\\\\\\b\\f\\n\\r\\t\"").asString());
    }

    @Test
    void serdeErrorMessagesAndPositions() {
        assertTrue(errorOf("").contains("EOF while parsing a value at line 1 column 0"));
        assertTrue(errorOf("x").contains("expected value at line 1 column 1"));
        assertTrue(errorOf("[1,]").contains("trailing comma at line 1 column 4"));
        assertTrue(errorOf("{\"a\":1,}").contains("trailing comma at line 1 column 8"));
        assertTrue(errorOf("[1 2]").contains("expected `,` or `]` at line 1 column 4"));
        assertTrue(errorOf("{\"a\" 1}").contains("expected `:` at line 1 column 6"));
        assertTrue(errorOf("{1:2}").contains("key must be a string at line 1 column 2"));
        assertTrue(errorOf("1 2").contains("trailing characters at line 1 column 3"));
        assertTrue(errorOf("01").contains("invalid number at line 1 column 2"));
        assertTrue(errorOf("1.").contains("EOF while parsing a value at line 1 column 2"));
        assertTrue(errorOf("1.x").contains("invalid number at line 1 column 3"));
        assertTrue(errorOf("-").contains("EOF while parsing a value at line 1 column 1"));
        assertTrue(errorOf("tru").contains("EOF while parsing a value at line 1 column 3"));
        assertTrue(errorOf("nul1").contains("expected ident at line 1 column 4"));
        assertTrue(errorOf("[\n1,\n").contains("EOF while parsing a value at line 3 column 0"));
        assertTrue(errorOf("\"abc").contains("EOF while parsing a string at line 1 column 4"));
        assertTrue(errorOf("\"a\tb\"").contains("control character (\\u0000-\\u001F) found while parsing a string"));
        assertTrue(errorOf("\"\\q\"").contains("invalid escape"));
        assertTrue(errorOf("\"\\udc00\"").contains("lone leading surrogate in hex escape"));
        assertTrue(errorOf("\"\\ud800x\"").contains("unexpected end of hex escape"));
        assertTrue(errorOf("1e400").contains("number out of range"));
        assertTrue(errorOf("[1e99999999999]").contains("number out of range"));
        assertTrue(errorOf("/* c */ 1").contains("expected value"));
        DecodeException e = assertThrows(DecodeException.class, () -> JsonParser.parse(new byte[] {'"', (byte) 0xc0, (byte) 0x80, '"'}));
        assertTrue(e.getMessage().contains("invalid unicode code point"), e.getMessage());
    }

    @Test
    void recursionLimitIs128LikeSerdeJson() throws Exception {
        String ok = "[".repeat(127) + "]".repeat(127);
        assertEquals(ok, JsonWriter.toCompactString(parse(ok)));
        String tooDeep = "[".repeat(128) + "]".repeat(128);
        assertTrue(errorOf(tooDeep).contains("recursion limit exceeded at line 1 column 128"));
        assertTrue(errorOf("{\"a\":".repeat(200)).contains("recursion limit exceeded"));
    }

    @Test
    void extremeExponents() throws Exception {
        assertEquals(new JsonFloat(0.0), parse("1e-400"));
        assertEquals(new JsonFloat(0.0), parse("0e99999999999"));
        assertEquals(new JsonFloat(0.0), parse("1e-99999999999"));
        assertEquals(new JsonFloat(1.0), parse("1" + "0".repeat(400) + "e-400"));
        assertEquals(1.0, exact("1" + "0".repeat(5000) + "e-5000"));
        assertEquals(Double.MIN_VALUE, exact("5e-324"));
        assertEquals(0.0, exact("2.4703282292062327e-324"));
        assertEquals(Double.MIN_VALUE, exact("2.4703282292062328e-324"));
        assertEquals(Double.MAX_VALUE, exact("1.7976931348623158e308"));
        assertThrows(DecodeException.class, () -> exact("1.7976931348623159e308"));
    }

    /** The exact mode agrees with the JVM's correctly rounded parser on random decimal strings. */
    @Test
    void correctlyRoundedModeMatchesJvmOnRandomDecimals() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int intDigits = 1 + random.nextInt(25);
            sb.append((char) ('1' + random.nextInt(9)));
            for (int d = 1; d < intDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                sb.append('.');
                int frac = 1 + random.nextInt(25);
                for (int d = 0; d < frac; d++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
            sb.append('e').append(random.nextInt(640) - 340);
            String text = sb.toString();
            double expected = Double.parseDouble(text);
            if (Double.isInfinite(expected)) {
                assertThrows(DecodeException.class, () -> exact(text));
            } else {
                assertEquals(expected, exact(text), text);
            }
        }
        // Halfway cases between adjacent doubles, which a naive conversion gets wrong.
        for (int i = 0; i < 2000; i++) {
            double v = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (!Double.isFinite(v) || v == Double.MAX_VALUE) {
                continue;
            }
            BigDecimal half = new BigDecimal(v).add(new BigDecimal(Math.nextUp(v))).divide(BigDecimal.valueOf(2));
            String plain = half.toString();
            String text = plain.contains(".") || plain.contains("E") ? plain : plain + ".0";
            assertEquals(Double.parseDouble(text), exact(text), text);
        }
    }

    /** The default mode reproduces serde_json's u64-significand-times-power-of-ten arithmetic. */
    @Test
    void serdeDefaultModeEmulatesSerdeArithmetic() throws Exception {
        assertEquals(new JsonFloat(0.1), parse("0.1"));
        assertEquals(new JsonFloat(1.5), parse("15e-1"));
        assertEquals(new JsonFloat(3.0e10), parse("3E+10"));
        Random random = new Random(7);
        int differing = 0;
        for (int i = 0; i < 3000; i++) {
            long significand = 1_000_000_000_000_000L + (long) (random.nextDouble() * 8e18);
            int scale = 1 + random.nextInt(22);
            String text = significand + "e-" + scale;
            double serde = ((JsonFloat) parse(text)).value();
            assertEquals((double) significand / Math.pow(10, scale) == serde
                    || (double) significand / tenTo(scale) == serde, true, text);
            if (serde != Double.parseDouble(text)) {
                differing++;
            }
        }
        assertTrue(differing > 0, "serde's default conversion is not always correctly rounded");
        // More than 20 digits: serde_json drops the digits that overflow a u64 (and counts integer ones).
        assertEquals(new JsonFloat(18446744073709551615.0 * 10),
                parse("184467440737095516159"));
        assertEquals(new JsonFloat(12345678901234567890.0 / 1e19), parse("1.23456789012345678901234"));
        // A quirk: after an overflowing integer part, fraction digits may still be appended.
        assertEquals(new JsonFloat(18446744073709551615.0),
                parse("18446744073709551616.5"));
    }

    private static double tenTo(int n) {
        return Double.parseDouble("1e" + n);
    }

    /** Bounded seeded fuzz: mutated JSON never escapes as an unchecked exception; accepted input round-trips. */
    @Test
    void fuzzMutatedInputs() throws Exception {
        List<String> seeds = List.of("{\"a\":[1,2.5,-3,{\"b\":null}],\"c\":\"x\\u00e9\\n\"}", "[true,false,1e5,-0.0]",
                "\"\\ud83d\\ude00\"", "[[[[]]]]", "{\"k\":18446744073709551615}", "123.456e-7");
        Random random = new Random(1234);
        int accepted = 0;
        for (int i = 0; i < 30000; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && input.length > 0; m++) {
                int at = random.nextInt(input.length);
                switch (random.nextInt(3)) {
                    case 0 -> input[at] = (byte) random.nextInt(256);
                    case 1 -> input[at] = (byte) "{}[]\",:0123456789.eE-+\\ntfu".charAt(random.nextInt(27));
                    default -> input = java.util.Arrays.copyOf(input, at);
                }
            }
            for (FloatParsing mode : FloatParsing.values()) {
                JsonValue value;
                try {
                    value = JsonParser.parse(input, mode);
                } catch (DecodeException expected) {
                    assertTrue(expected.offset() >= 0 && expected.offset() <= input.length);
                    continue;
                }
                accepted++;
                byte[] written = JsonWriter.compact(value);
                JsonValue reparsed = JsonParser.parse(written, FloatParsing.CORRECTLY_ROUNDED);
                assertEquals(value, reparsed);
                assertEquals(new String(written, StandardCharsets.UTF_8),
                        JsonWriter.toCompactString(reparsed));
                assertEquals(value, JsonParser.parse(JsonWriter.pretty(value), FloatParsing.CORRECTLY_ROUNDED));
            }
        }
        assertTrue(accepted > 100, "fuzz produced valid inputs too");
    }
}
