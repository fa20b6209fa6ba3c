package dev.aurum.aquavm.json;

import dev.aurum.aquavm.codec.DecodeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A strict JSON parser that accepts and rejects exactly what {@code serde_json::from_slice::<Value>}
 * (1.0.108, the version AquaVM 0.62-0.64 links) does: RFC 8259 without extensions, a recursion limit
 * of 128 (127 nested containers parse, 128 fail), duplicate keys keep the last value, strict UTF-8,
 * paired surrogate escapes. Integers become u64 / i64 as in serde_json ({@code -0} and integers below
 * i64 become floats, integers above u64 become floats). Errors are {@link DecodeException}s whose
 * problem text is serde_json's message, e.g. {@code expected value at line 1 column 1}; the offset is
 * the byte index serde_json reports the position of.
 *
 * <p>Floats are converted in one of two portable ways (see {@link FloatParsing}). The default emulates
 * serde_json without its {@code float_roundtrip} feature, which is how AquaVM is built; it is not
 * always correctly rounded. {@link FloatParsing#CORRECTLY_ROUNDED} is exact (and equals serde_json
 * with {@code float_roundtrip}).
 */
public final class JsonParser {

    /** How decimal floats become binary64. Both give identical bits on the JVM and under TeaVM. */
    public enum FloatParsing {
        /**
         * serde_json's default algorithm: up to 19-20 significant digits are kept in a u64 (further digits
         * are dropped), converted to f64, then multiplied or divided by a correctly rounded power of ten.
         * This is what AquaVM does, including its off-by-one-ulp results.
         */
        SERDE_JSON_DEFAULT,
        /** The exact, correctly rounded (ties to even) value of all the digits. */
        CORRECTLY_ROUNDED
    }

    public static final int RECURSION_LIMIT = 128;
    public static final int DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

    private static final double[] POW10 = new double[309];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = ExactFloat.decimalToDouble(BigInteger.ONE, i);
        }
    }

    private final byte[] in;
    private final FloatParsing floatParsing;
    private int index;
    private int remainingDepth = RECURSION_LIMIT;
    private DigitCollector digits;

    private JsonParser(byte[] in, FloatParsing floatParsing) {
        this.in = in;
        this.floatParsing = floatParsing;
    }

    /** Parses UTF-8 JSON bytes with serde_json's default float conversion. */
    public static JsonValue parse(byte[] json) throws DecodeException {
        return parse(json, FloatParsing.SERDE_JSON_DEFAULT, DEFAULT_MAX_INPUT_BYTES);
    }

    public static JsonValue parse(String json) throws DecodeException {
        return parse(Utf8.encode(json));
    }

    public static JsonValue parse(byte[] json, FloatParsing floatParsing) throws DecodeException {
        return parse(json, floatParsing, DEFAULT_MAX_INPUT_BYTES);
    }

    public static JsonValue parse(byte[] json, FloatParsing floatParsing, int maxInputBytes)
            throws DecodeException {
        if (json.length > maxInputBytes) {
            throw new DecodeException("json", "", 0,
                    "input of " + json.length + " bytes exceeds the limit of " + maxInputBytes + " bytes");
        }
        JsonParser parser = new JsonParser(json, floatParsing);
        JsonValue value = parser.parseValue();
        int next = parser.skipWhitespace();
        if (next >= 0) {
            throw parser.peekError(SerdeError.TRAILING_CHARACTERS);
        }
        return value;
    }

    // ---- values ----------------------------------------------------------------------------------

    private JsonValue parseValue() throws DecodeException {
        int peek = skipWhitespace();
        if (peek < 0) {
            throw peekError(SerdeError.EOF_WHILE_PARSING_VALUE);
        }
        switch (peek) {
            case 'n':
                index++;
                parseIdent("ull");
                return JsonNull.INSTANCE;
            case 't':
                index++;
                parseIdent("rue");
                return JsonBool.TRUE;
            case 'f':
                index++;
                parseIdent("alse");
                return JsonBool.FALSE;
            case '-':
                index++;
                return parseInteger(false);
            case '"':
                index++;
                return new JsonString(parseString());
            case '[':
                enterContainer();
                index++;
                JsonValue array = parseArrayBody();
                remainingDepth++;
                return array;
            case '{':
                enterContainer();
                index++;
                JsonValue object = parseObjectBody();
                remainingDepth++;
                return object;
            default:
                if (peek >= '0' && peek <= '9') {
                    return parseInteger(true);
                }
                throw peekError(SerdeError.EXPECTED_SOME_VALUE);
        }
    }

    private void enterContainer() throws DecodeException {
        remainingDepth--;
        if (remainingDepth == 0) {
            throw peekError(SerdeError.RECURSION_LIMIT_EXCEEDED);
        }
    }

    private void parseIdent(String rest) throws DecodeException {
        for (int i = 0; i < rest.length(); i++) {
            if (index >= in.length) {
                throw error(SerdeError.EOF_WHILE_PARSING_VALUE);
            }
            int c = in[index++] & 0xff;
            if (c != rest.charAt(i)) {
                throw error(SerdeError.EXPECTED_SOME_IDENT);
            }
        }
    }

    private JsonValue parseArrayBody() throws DecodeException {
        List<JsonValue> elements = new ArrayList<>();
        boolean first = true;
        while (true) {
            int peek = skipWhitespace();
            if (peek == ']') {
                index++;
                return new JsonArray(elements);
            }
            if (peek == ',' && !first) {
                index++;
                peek = skipWhitespace();
                if (peek == ']') {
                    throw peekError(SerdeError.TRAILING_COMMA);
                }
                if (peek < 0) {
                    throw peekError(SerdeError.EOF_WHILE_PARSING_VALUE);
                }
            } else if (peek >= 0) {
                if (!first) {
                    throw peekError(SerdeError.EXPECTED_LIST_COMMA_OR_END);
                }
                first = false;
            } else {
                throw peekError(SerdeError.EOF_WHILE_PARSING_LIST);
            }
            elements.add(parseValue());
        }
    }

    private JsonValue parseObjectBody() throws DecodeException {
        TreeMap<String, JsonValue> members = new TreeMap<>(Utf8::compare);
        boolean first = true;
        while (true) {
            int peek = skipWhitespace();
            if (peek == '}') {
                index++;
                return new JsonObject(members);
            }
            if (peek == ',' && !first) {
                index++;
                peek = skipWhitespace();
            } else if (peek >= 0) {
                if (!first) {
                    throw peekError(SerdeError.EXPECTED_OBJECT_COMMA_OR_END);
                }
                first = false;
            } else {
                throw peekError(SerdeError.EOF_WHILE_PARSING_OBJECT);
            }
            if (peek == '"') {
                index++;
            } else if (peek == '}') {
                throw peekError(SerdeError.TRAILING_COMMA);
            } else if (peek < 0) {
                throw peekError(SerdeError.EOF_WHILE_PARSING_VALUE);
            } else {
                throw peekError(SerdeError.KEY_MUST_BE_A_STRING);
            }
            String key = parseString();
            int colon = skipWhitespace();
            if (colon == ':') {
                index++;
            } else if (colon >= 0) {
                throw peekError(SerdeError.EXPECTED_COLON);
            } else {
                throw peekError(SerdeError.EOF_WHILE_PARSING_OBJECT);
            }
            members.put(key, parseValue()); // a repeated key keeps the last value, as serde_json
        }
    }

    // ---- strings ---------------------------------------------------------------------------------

    /** Parses a string body after its opening quote. */
    private String parseString() throws DecodeException {
        ByteSink scratch = null;
        int start = index;
        while (true) {
            if (index >= in.length) {
                throw error(SerdeError.EOF_WHILE_PARSING_STRING);
            }
            int b = in[index] & 0xff;
            if (b == '"') {
                String s;
                if (scratch == null) {
                    s = Utf8.decodeOrNull(in, start, index - start);
                } else {
                    scratch.write(in, start, index - start);
                    byte[] bytes = scratch.toByteArray();
                    s = Utf8.decodeOrNull(bytes, 0, bytes.length);
                }
                index++;
                if (s == null) {
                    throw error(SerdeError.INVALID_UNICODE_CODE_POINT);
                }
                return s;
            } else if (b == '\\') {
                if (scratch == null) {
                    scratch = new ByteSink(index - start + 16);
                }
                scratch.write(in, start, index - start);
                index++;
                parseEscape(scratch);
                start = index;
            } else if (b < 0x20) {
                index++;
                throw error(SerdeError.CONTROL_CHARACTER_WHILE_PARSING_STRING);
            } else {
                index++;
            }
        }
    }

    private void parseEscape(ByteSink out) throws DecodeException {
        if (index >= in.length) {
            throw error(SerdeError.EOF_WHILE_PARSING_STRING);
        }
        int c = in[index++] & 0xff;
        switch (c) {
            case '"': out.write('"'); return;
            case '\\': out.write('\\'); return;
            case '/': out.write('/'); return;
            case 'b': out.write(0x08); return;
            case 'f': out.write(0x0c); return;
            case 'n': out.write('\n'); return;
            case 'r': out.write('\r'); return;
            case 't': out.write('\t'); return;
            case 'u': break;
            default: throw error(SerdeError.INVALID_ESCAPE);
        }
        int n = decodeHexEscape();
        if (n >= 0xDC00 && n <= 0xDFFF) {
            throw error(SerdeError.LONE_LEADING_SURROGATE_IN_HEX_ESCAPE);
        }
        if (n >= 0xD800 && n <= 0xDBFF) {
            for (char expected : new char[] {'\\', 'u'}) {
                if (index >= in.length) {
                    throw error(SerdeError.EOF_WHILE_PARSING_STRING);
                }
                int next = in[index++] & 0xff;
                if (next != expected) {
                    throw error(SerdeError.UNEXPECTED_END_OF_HEX_ESCAPE);
                }
            }
            int n2 = decodeHexEscape();
            if (n2 < 0xDC00 || n2 > 0xDFFF) {
                throw error(SerdeError.LONE_LEADING_SURROGATE_IN_HEX_ESCAPE);
            }
            n = (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x10000;
        }
        out.write(Utf8.encode(new String(Character.toChars(n))));
    }

    private int decodeHexEscape() throws DecodeException {
        if (in.length - index < 4) {
            index = in.length;
            throw error(SerdeError.EOF_WHILE_PARSING_STRING);
        }
        int n = 0;
        for (int i = 0; i < 4; i++) {
            int c = in[index++] & 0xff;
            int v = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0) {
                throw error(SerdeError.INVALID_ESCAPE);
            }
            n = (n << 4) | v;
        }
        return n;
    }

    // ---- numbers (same state machine as serde_json's de.rs, so the same digits are dropped) ---------

    private JsonValue parseInteger(boolean positive) throws DecodeException {
        digits = new DigitCollector();
        if (index >= in.length) {
            throw error(SerdeError.EOF_WHILE_PARSING_VALUE);
        }
        int c = in[index++] & 0xff;
        if (c == '0') {
            int p = peekOrNull();
            if (p >= '0' && p <= '9') {
                throw peekError(SerdeError.INVALID_NUMBER);
            }
            return parseNumber(positive, 0);
        }
        if (c < '1' || c > '9') {
            throw error(SerdeError.INVALID_NUMBER);
        }
        long significand = c - '0';
        digits.add(c, false);
        while (true) {
            int p = peekOrNull();
            if (p < '0' || p > '9') {
                return parseNumber(positive, significand);
            }
            int digit = p - '0';
            if (u64Overflows(significand, digit)) {
                return new JsonFloat(parseLongInteger(positive, significand));
            }
            index++;
            digits.add(p, false);
            significand = significand * 10 + digit;
        }
    }

    private JsonValue parseNumber(boolean positive, long significand) throws DecodeException {
        int p = peekOrNull();
        if (p == '.') {
            return new JsonFloat(parseDecimal(positive, significand, 0));
        }
        if (p == 'e' || p == 'E') {
            return new JsonFloat(parseExponent(positive, significand, 0));
        }
        if (positive) {
            return new JsonPosInt(significand);
        }
        long negated = -significand; // wrapping, as serde_json's (significand as i64).wrapping_neg()
        if (negated >= 0) {
            return new JsonFloat(-UnsignedLongs.toDouble(significand)); // -0 and below i64::MIN
        }
        return new JsonNegInt(negated);
    }

    private double parseLongInteger(boolean positive, long significand) throws DecodeException {
        int exponent = 0;
        while (true) {
            int p = peekOrNull();
            if (p >= '0' && p <= '9') {
                index++;
                digits.add(p, false);
                exponent++; // serde_json drops these digits and only counts them
            } else if (p == '.') {
                return parseDecimal(positive, significand, exponent);
            } else if (p == 'e' || p == 'E') {
                return parseExponent(positive, significand, exponent);
            } else {
                return fromParts(positive, significand, exponent);
            }
        }
    }

    private double parseDecimal(boolean positive, long significand, int exponentBeforePoint)
            throws DecodeException {
        index++; // '.'
        int exponentAfterPoint = 0;
        boolean overflowed = false;
        boolean anyDigit = false;
        while (true) {
            int p = peekOrNull();
            if (p < '0' || p > '9') {
                break;
            }
            anyDigit = true;
            int digit = p - '0';
            if (!overflowed && u64Overflows(significand, digit)) {
                overflowed = true; // serde_json ignores all further fraction digits
            }
            index++;
            digits.add(p, true);
            if (!overflowed) {
                significand = significand * 10 + digit;
                exponentAfterPoint--;
            }
        }
        if (!anyDigit) {
            throw peekError(index < in.length ? SerdeError.INVALID_NUMBER : SerdeError.EOF_WHILE_PARSING_VALUE);
        }
        int exponent = exponentBeforePoint + exponentAfterPoint;
        int p = peekOrNull();
        if (p == 'e' || p == 'E') {
            return parseExponent(positive, significand, exponent);
        }
        return fromParts(positive, significand, exponent);
    }

    private double parseExponent(boolean positive, long significand, int startingExponent)
            throws DecodeException {
        index++; // 'e' or 'E'
        boolean positiveExponent = true;
        int p = peekOrNull();
        if (p == '+') {
            index++;
        } else if (p == '-') {
            index++;
            positiveExponent = false;
        }
        if (index >= in.length) {
            throw error(SerdeError.EOF_WHILE_PARSING_VALUE);
        }
        int first = in[index++] & 0xff;
        if (first < '0' || first > '9') {
            throw error(SerdeError.INVALID_NUMBER);
        }
        int exp = first - '0';
        while (true) {
            int c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            index++;
            int digit = c - '0';
            if (exp >= Integer.MAX_VALUE / 10 && (exp > Integer.MAX_VALUE / 10 || digit > Integer.MAX_VALUE % 10)) {
                boolean zeroSignificand = floatParsing == FloatParsing.SERDE_JSON_DEFAULT
                        ? significand == 0 : digits.allZero();
                return exponentOverflow(positive, zeroSignificand, positiveExponent);
            }
            exp = exp * 10 + digit;
        }
        if (floatParsing == FloatParsing.CORRECTLY_ROUNDED) {
            return exactValue(positive, positiveExponent ? exp : -(long) exp);
        }
        long finalExponent = positiveExponent ? (long) startingExponent + exp : (long) startingExponent - exp;
        finalExponent = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, finalExponent)); // saturating
        return serdeFromParts(positive, significand, (int) finalExponent);
    }

    private double exponentOverflow(boolean positive, boolean zeroSignificand, boolean positiveExponent)
            throws DecodeException {
        if (!zeroSignificand && positiveExponent) {
            throw error(SerdeError.NUMBER_OUT_OF_RANGE);
        }
        while (true) {
            int c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            index++;
        }
        return positive ? 0.0 : -0.0;
    }

    private double fromParts(boolean positive, long significand, int exponent) throws DecodeException {
        if (floatParsing == FloatParsing.CORRECTLY_ROUNDED) {
            return exactValue(positive, 0);
        }
        return serdeFromParts(positive, significand, exponent);
    }

    private double exactValue(boolean positive, long exponent) throws DecodeException {
        double f = digits.toDouble(exponent);
        if (Double.isInfinite(f)) {
            throw error(SerdeError.NUMBER_OUT_OF_RANGE);
        }
        return positive ? f : -f;
    }

    /** serde_json's {@code f64_from_parts} without {@code float_roundtrip}: u64 to f64, then one or more
     * multiplications or divisions by correctly rounded powers of ten. */
    private double serdeFromParts(boolean positive, long significand, int exponent) throws DecodeException {
        double f = UnsignedLongs.toDouble(significand);
        while (true) {
            int abs = Math.abs(exponent); // Integer.MIN_VALUE stays negative: not in the table, like Rust
            if (abs >= 0 && abs < POW10.length) {
                if (exponent >= 0) {
                    f *= POW10[abs];
                    if (Double.isInfinite(f)) {
                        throw error(SerdeError.NUMBER_OUT_OF_RANGE);
                    }
                } else {
                    f /= POW10[abs];
                }
                break;
            }
            if (f == 0.0) {
                break;
            }
            if (exponent >= 0) {
                throw error(SerdeError.NUMBER_OUT_OF_RANGE);
            }
            f /= 1e308;
            exponent += 308;
        }
        return positive ? f : -f;
    }

    private static boolean u64Overflows(long significand, int digit) {
        // significand * 10 + digit > u64::MAX, in unsigned arithmetic
        long maxDiv10 = Long.divideUnsigned(-1L, 10);
        long maxRem10 = Long.remainderUnsigned(-1L, 10);
        int cmp = Long.compareUnsigned(significand, maxDiv10);
        return cmp > 0 || (cmp == 0 && digit > maxRem10);
    }

    // ---- positions and errors --------------------------------------------------------------------

    private int skipWhitespace() {
        while (index < in.length) {
            int b = in[index] & 0xff;
            if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
                index++;
            } else {
                return b;
            }
        }
        return -1;
    }

    private int peekOrNull() {
        return index < in.length ? in[index] & 0xff : 0;
    }

    /** An error at the current position (serde_json's {@code error}). */
    private DecodeException error(SerdeError code) {
        return at(index, code);
    }

    /** An error that includes the byte just peeked at (serde_json's {@code peek_error}). */
    private DecodeException peekError(SerdeError code) {
        return at(Math.min(index + 1, in.length), code);
    }

    private DecodeException at(int position, SerdeError code) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < position; i++) {
            if (in[i] == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new DecodeException("json", "", position,
                code.message() + " at line " + line + " column " + column);
    }

    /**
     * All significant digits of a number, for the exact conversion. Digits past
     * {@link ExactFloat#MAX_SIGNIFICANT_DIGITS} are folded into a sticky flag so hostile inputs stay cheap.
     */
    private static final class DigitCollector {
        private final StringBuilder kept = new StringBuilder();
        private long scale; // value = kept * 10^scale (before the written exponent)
        private boolean sticky;

        void add(int digitChar, boolean fraction) {
            if (kept.length() == 0 && digitChar == '0') {
                if (fraction) {
                    scale--;
                }
                return;
            }
            if (kept.length() < ExactFloat.MAX_SIGNIFICANT_DIGITS) {
                kept.append((char) digitChar);
                if (fraction) {
                    scale--;
                }
            } else {
                if (!fraction) {
                    scale++;
                }
                if (digitChar != '0') {
                    sticky = true;
                }
            }
        }

        boolean allZero() {
            return kept.length() == 0;
        }

        double toDouble(long exponent) {
            if (kept.length() == 0) {
                return 0.0;
            }
            BigInteger value = new BigInteger(kept.toString());
            long totalScale = scale + exponent;
            if (sticky) {
                value = value.multiply(BigInteger.TEN).add(BigInteger.ONE);
                totalScale--;
            }
            return ExactFloat.decimalToDouble(value, totalScale);
        }
    }
}
