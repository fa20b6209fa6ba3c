package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AirParseError.Kind;

/**
 * AquaVM's {@code call_variable_parser.rs}: classifies a word that is not a keyword as a number or a
 * (possibly tagged) variable with an optional lens, one character at a time. Offsets are UTF-8 byte
 * offsets into the word, exactly as AquaVM compares them; this makes quirks such as {@code a%b} being a
 * canon stream map, {@code +x} a scalar and {@code #a.$.b} an "empty canon name" error come out the same.
 */
final class VariableWordParser {

    private enum Tag {
        NONE, STREAM, STREAM_MAP, CANON, CANON_STREAM, CANON_STREAM_MAP;

        static Tag fromFirstChar(int c) {
            return switch (c) {
                case '$' -> STREAM;
                case '#' -> CANON;
                case '%' -> STREAM_MAP;
                default -> NONE;
            };
        }

        /** AquaVM's {@code deduce_tag}: {@code %} gives a canon map whatever came first. */
        Tag deduce(int c) {
            if (c == '$' && this == CANON) {
                return CANON_STREAM;
            }
            if (c == '%') {
                return CANON_STREAM_MAP;
            }
            return this;
        }

        boolean isCanonType() {
            return this == CANON_STREAM || this == CANON_STREAM_MAP;
        }
    }

    private final SourceText src;
    private final int start;
    private final int end;
    private final int startByte;
    private final int byteLength;

    private int dotIndex = -1;
    private int dotOffset = -1;
    private boolean nonNumericMet;
    private boolean digitMet;
    private Tag tag = Tag.NONE;

    // the character being looked at
    private int index;
    private int ch;
    private int offset;

    private VariableWordParser(SourceText src, int start, int end) {
        this.src = src;
        this.start = start;
        this.end = end;
        this.startByte = src.byteOffsets[start];
        this.byteLength = src.byteOffsets[end] - startByte;
    }

    static Token parse(SourceText src, int start, int end) throws SyntaxError {
        return new VariableWordParser(src, start, end).run();
    }

    private Token run() throws SyntaxError {
        for (index = start; index < end; index++) {
            ch = src.codePoints[index];
            offset = src.byteOffsets[index] - startByte;
            if (!nonNumericMet) {
                parseAsNumber();
            } else {
                parseAsVariable();
            }
        }
        return toToken();
    }

    private void parseAsNumber() throws SyntaxError {
        if (offset == 0 && (ch == '-' || ch == '+')) {
            return;
        }
        if (RustChars.isNumeric(ch)) {
            digitMet = true;
            return;
        }
        if (firstDot()) {
            if (!digitMet) {
                throw error(Kind.LEADING_DOT, here(), LEADING_DOT);
            }
            return;
        }
        if (dotIndex >= 0) {
            throw error(Kind.UNALLOWED_CHAR_IN_NUMBER, here(), "a digit could contain only digits or one dot");
        }
        nonNumericMet = true;
        parseAsVariable();
    }

    private void parseAsVariable() throws SyntaxError {
        if (canonTag() || streamTag() || firstDot()) {
            return;
        }
        if (dotIndex >= 0) {
            boolean flattening = ch == '!' && offset == byteLength - 1;
            if (!RustChars.isLensAllowed(ch) && !flattening) {
                throw error(Kind.INVALID_LENS_CHAR, here(), "invalid character in lambda");
            }
        } else if (!RustChars.isAirAlphanumeric(ch)) {
            throw error(Kind.IS_NOT_ALPHANUMERIC, here(),
                    "only alphanumeric, '_', and '-' characters are allowed in this position");
        }
    }

    private boolean canonTag() throws SyntaxError {
        Tag deduced = tag.deduce(ch);
        if (offset == 1 && deduced.isCanonType()) {
            if (byteLength == 2) {
                throw error(Kind.EMPTY_CANON_NAME, here(), "a canon name should be non empty");
            }
            tag = deduced;
            return true;
        }
        return false;
    }

    private boolean streamTag() throws SyntaxError {
        Tag first = Tag.fromFirstChar(ch);
        if (offset == 0 && first != Tag.NONE) {
            if (byteLength == 1) {
                throw error(Kind.EMPTY_TAGGED_NAME, here(), "a tagged name should be non empty");
            }
            tag = first;
            return true;
        }
        return false;
    }

    private boolean firstDot() throws SyntaxError {
        if (dotIndex >= 0 || ch != '.') {
            return false;
        }
        if (offset == 0) {
            throw error(Kind.LEADING_DOT, new Span(startByte, startByte), LEADING_DOT);
        }
        if (tag != Tag.NONE && offset <= 2) {
            int prev = startByte + offset - 1;
            throw error(Kind.EMPTY_CANON_NAME, new Span(prev, prev), "a canon name should be non empty");
        }
        dotIndex = index;
        dotOffset = offset;
        return true;
    }

    private Token toToken() throws SyntaxError {
        String word = src.slice(start, end);
        Span span = new Span(startByte, startByte + byteLength);
        if (!nonNumericMet) {
            return dotIndex < 0 ? toInt(word, span) : toFloat(word, span);
        }
        if (dotIndex < 0) {
            return new Token(plainKind(), span, word, null, null);
        }
        String name = src.slice(start, dotIndex);
        Lens lens;
        try {
            lens = LensParser.parse(src.slice(dotIndex, end));
        } catch (SyntaxError e) {
            throw error(e.kind, new Span(startByte + dotOffset, span.right()), e.getMessage());
        }
        return new Token(lensKind(), span, name, lens, null);
    }

    private static Token toInt(String word, Span span) throws SyntaxError {
        String problem = Numbers.i64Problem(word);
        if (problem != null) {
            throw error(Kind.PARSE_INT_ERROR, span, problem);
        }
        return new Token(Token.Kind.I64, span, word, null, new AirValue.Int(Numbers.parseI64(word), word));
    }

    private Token toFloat(String word, Span span) throws SyntaxError {
        if (byteLength > Numbers.MAX_FLOAT_BYTES) {
            throw error(Kind.TOO_BIG_FLOAT, span, "this float is too big, a float could contain less than 12 digits");
        }
        if (!Numbers.isAsciiFloatWord(word)) {
            throw error(Kind.PARSE_FLOAT_ERROR, span, "invalid float literal");
        }
        return new Token(Token.Kind.F64, span, word, null,
                new AirValue.Float(Numbers.parseShortFloat(word), word));
    }

    private Token.Kind plainKind() {
        return switch (tag) {
            case NONE -> Token.Kind.SCALAR;
            case STREAM -> Token.Kind.STREAM;
            case STREAM_MAP -> Token.Kind.STREAM_MAP;
            case CANON, CANON_STREAM -> Token.Kind.CANON_STREAM;
            case CANON_STREAM_MAP -> Token.Kind.CANON_STREAM_MAP;
        };
    }

    private Token.Kind lensKind() {
        return switch (tag) {
            case NONE -> Token.Kind.SCALAR_WITH_LENS;
            case STREAM -> Token.Kind.STREAM_WITH_LENS;
            case STREAM_MAP -> Token.Kind.STREAM_MAP_WITH_LENS;
            case CANON, CANON_STREAM -> Token.Kind.CANON_STREAM_WITH_LENS;
            case CANON_STREAM_MAP -> Token.Kind.CANON_STREAM_MAP_WITH_LENS;
        };
    }

    private Span here() {
        int at = startByte + offset;
        return new Span(at, at);
    }

    private static SyntaxError error(Kind kind, Span span, String message) {
        return new SyntaxError(kind, span, message);
    }

    private static final String LEADING_DOT = "leading dot without any symbols before - please write 0 if it's"
            + " float or variable name if it's a lambda";
}
