package dev.aurum.aquavm.air;

import java.util.ArrayList;
import java.util.List;

/**
 * AquaVM's lens ("lambda") grammar, {@code air-lib/lambda/parser}: {@code .length} exactly, or
 * {@code .$} followed by accessors {@code .?[N]!?}, {@code .?[name]!?}, {@code .name!?}.
 * Errors are thrown without a span; the AIR lexer attaches the span of the whole lens.
 */
final class LensParser {

    private static final String UNEXPECTED_SYMBOL = "unexpected symbol for value accessor";

    private enum Kind { OPEN, CLOSE, DOT, NUMBER, NAME, BANG }

    private record LensToken(Kind kind, String text, long number) {
    }

    private LensParser() {
    }

    static Lens parse(String lens) throws SyntaxError {
        if (lens.equals(".length")) {
            return new Lens.Length();
        }
        if (!lens.startsWith(".$")) {
            throw error(UNEXPECTED_SYMBOL);
        }
        List<LensToken> tokens = tokenize(lens.substring(2));
        List<Lens.Accessor> accessors = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            boolean dot = tokens.get(i).kind == Kind.DOT;
            int j = dot ? i + 1 : i;
            if (j < tokens.size() && tokens.get(j).kind == Kind.OPEN) {
                if (j + 2 >= tokens.size() || tokens.get(j + 2).kind != Kind.CLOSE) {
                    throw unexpectedToken(tokens, j + 2);
                }
                LensToken inner = tokens.get(j + 1);
                if (inner.kind == Kind.NUMBER) {
                    accessors.add(new Lens.Index(inner.number));
                } else if (inner.kind == Kind.NAME) {
                    accessors.add(new Lens.ByScalar(inner.text));
                } else {
                    throw unexpectedToken(tokens, j + 1);
                }
                i = j + 3;
            } else if (dot && j < tokens.size() && tokens.get(j).kind == Kind.NAME) {
                accessors.add(new Lens.Field(tokens.get(j).text));
                i = j + 1;
            } else {
                throw unexpectedToken(tokens, j);
            }
            if (i < tokens.size() && tokens.get(i).kind == Kind.BANG) {
                i++; // the old flattening sign is accepted and ignored
            }
        }
        if (accessors.isEmpty()) {
            throw error("provided lambda expression doesn't contain any accessor");
        }
        return new Lens.ValuePath(accessors);
    }

    /**
     * The lambda lexer. A name whose last character takes more than one UTF-8 byte makes AquaVM 0.62
     * panic: its {@code tokenize_until} slices {@code ..end_pos + 1} by bytes, off a char boundary.
     */
    private static List<LensToken> tokenize(String s) throws SyntaxError {
        List<LensToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (c == '[') {
                tokens.add(new LensToken(Kind.OPEN, "[", 0));
                i++;
            } else if (c == ']') {
                tokens.add(new LensToken(Kind.CLOSE, "]", 0));
                i++;
            } else if (c == '.') {
                tokens.add(new LensToken(Kind.DOT, ".", 0));
                i++;
            } else if (RustChars.isAsciiDigit(c)) {
                int end = i;
                while (end < s.length() && RustChars.isAsciiDigit(s.charAt(end))) {
                    end++;
                }
                String digits = s.substring(i, end);
                tokens.add(new LensToken(Kind.NUMBER, digits, parseU32(digits)));
                i = end;
            } else if (RustChars.isAirAlphanumeric(c)) {
                int end = i;
                int last = c;
                while (end < s.length()) {
                    int cp = s.codePointAt(end);
                    if (!RustChars.isAirAlphanumeric(cp)) {
                        break;
                    }
                    last = cp;
                    end += Character.charCount(cp);
                }
                if (RustChars.utf8Length(last) > 1) {
                    throw new SyntaxError(AirParseError.Kind.AQUAVM_PANICS, null,
                            "lens name '" + s.substring(i, end) + "' ends with a multi-byte character;"
                                    + " AquaVM 0.62 panics on it (byte slicing off a char boundary)");
                }
                tokens.add(new LensToken(Kind.NAME, s.substring(i, end), 0));
                i = end;
            } else if (c == '!') {
                tokens.add(new LensToken(Kind.BANG, "!", 0));
                i++;
            } else {
                throw error(UNEXPECTED_SYMBOL);
            }
        }
        return tokens;
    }

    private static long parseU32(String digits) throws SyntaxError {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
            if (value > 0xFFFF_FFFFL) {
                throw error("number too large to fit in target type");
            }
        }
        return value;
    }

    private static SyntaxError unexpectedToken(List<LensToken> tokens, int index) {
        if (index >= tokens.size()) {
            return error("unrecognized end of lens");
        }
        return error("unrecognized lens token '" + tokens.get(index).text + "'");
    }

    private static SyntaxError error(String message) {
        return new SyntaxError(AirParseError.Kind.LENS_PARSE_ERROR, null, message);
    }
}
