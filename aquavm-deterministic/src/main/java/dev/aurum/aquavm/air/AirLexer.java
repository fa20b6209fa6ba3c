package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AirParseError.Kind;

/**
 * AquaVM's AIR lexer ({@code lexer/air_lexer.rs}), pulled one token at a time like LALRPOP does, so a
 * lexer error after a grammar error is never reached. Tokens: brackets, string literals (no escapes,
 * may span lines), {@code ;} comments to end of line, and words. A word ends at whitespace or at a
 * {@code )} or {@code ]} that makes the bracket balance inside the word negative.
 */
final class AirLexer {

    private final SourceText src;
    private int index;
    private int lastTokenEnd;

    AirLexer(SourceText src) {
        this.src = src;
    }

    /** Byte offset just after the last token returned (where AquaVM reports an unexpected end). */
    int lastTokenEnd() {
        return lastTokenEnd;
    }

    Token next() throws SyntaxError {
        int[] cps = src.codePoints;
        while (index < cps.length) {
            int c = cps[index];
            int start = index;
            switch (c) {
                case '(':
                    return single(Token.Kind.OPEN_ROUND);
                case ')':
                    return single(Token.Kind.CLOSE_ROUND);
                case '[':
                    return single(Token.Kind.OPEN_SQUARE);
                case ']':
                    return single(Token.Kind.CLOSE_SQUARE);
                case ';':
                    skipComment();
                    continue;
                case '"':
                    return stringLiteral(start);
                default:
                    if (RustChars.isWhitespace(c)) {
                        index++;
                        continue;
                    }
                    return word(start);
            }
        }
        int end = src.byteLength();
        return new Token(Token.Kind.EOF, new Span(end, end), "", null, null);
    }

    private Token single(Token.Kind kind) {
        int at = src.byteOffsets[index];
        index++;
        return emit(new Token(kind, new Span(at, at + 1), "", null, null));
    }

    private Token emit(Token token) {
        lastTokenEnd = token.span().right();
        return token;
    }

    private void skipComment() {
        while (index < src.codePoints.length) {
            int c = src.codePoints[index++];
            if (c == '\n') {
                return;
            }
        }
    }

    private Token stringLiteral(int start) throws SyntaxError {
        int i = start + 1;
        while (i < src.codePoints.length && src.codePoints[i] != '"') {
            i++;
        }
        int startByte = src.byteOffsets[start];
        if (i == src.codePoints.length) {
            index = i;
            throw new SyntaxError(Kind.UNCLOSED_QUOTE, new Span(startByte, src.byteLength()),
                    "this string literal has unclosed quote");
        }
        index = i + 1;
        Span span = new Span(startByte, src.byteOffsets[i + 1]);
        return emit(new Token(Token.Kind.STRING_LITERAL, span, src.slice(start + 1, i), null, null));
    }

    private Token word(int start) throws SyntaxError {
        int end = start + 1;
        int round = 0;
        int square = 0;
        while (end < src.codePoints.length) {
            int c = src.codePoints[end];
            if (c == '(') {
                round++;
            } else if (c == ')') {
                round--;
            } else if (c == '[') {
                square++;
            } else if (c == ']') {
                square--;
            }
            if (RustChars.isWhitespace(c) || round < 0 || square < 0) {
                break;
            }
            end++;
        }
        index = end;
        Span span = new Span(src.byteOffsets[start], src.byteOffsets[end]);
        String text = src.slice(start, end);
        return emit(classify(text, start, end, span));
    }

    private Token classify(String text, int start, int end, Span span) throws SyntaxError {
        switch (text) {
            case "call": return keyword(Token.Kind.CALL, span);
            case "canon": return keyword(Token.Kind.CANON, span);
            case "ap": return keyword(Token.Kind.AP, span);
            case "seq": return keyword(Token.Kind.SEQ, span);
            case "par": return keyword(Token.Kind.PAR, span);
            case "fail": return keyword(Token.Kind.FAIL, span);
            case "fold": return keyword(Token.Kind.FOLD, span);
            case "xor": return keyword(Token.Kind.XOR, span);
            case "never": return keyword(Token.Kind.NEVER, span);
            case "new": return keyword(Token.Kind.NEW, span);
            case "next": return keyword(Token.Kind.NEXT, span);
            case "null": return keyword(Token.Kind.NULL, span);
            case "match": return keyword(Token.Kind.MATCH, span);
            case "mismatch": return keyword(Token.Kind.MISMATCH, span);
            case "%init_peer_id%": return keyword(Token.Kind.INIT_PEER_ID, span);
            default:
                break;
        }
        // AquaVM tests the :error: and %last_error% prefixes before %timestamp%, %ttl% and booleans.
        if (text.startsWith(":error:")) {
            return errorValue(text, ":error:", Token.Kind.ERROR, Token.Kind.ERROR_WITH_LENS, span);
        }
        if (text.startsWith("%last_error%")) {
            return errorValue(text, "%last_error%", Token.Kind.LAST_ERROR, Token.Kind.LAST_ERROR_WITH_LENS, span);
        }
        switch (text) {
            case "%timestamp%": return keyword(Token.Kind.TIMESTAMP, span);
            case "%ttl%": return keyword(Token.Kind.TTL, span);
            case "true": return new Token(Token.Kind.BOOLEAN, span, text, null, null);
            case "false": return new Token(Token.Kind.BOOLEAN, span, text, null, null);
            default:
                return VariableWordParser.parse(src, start, end);
        }
    }

    private static Token keyword(Token.Kind kind, Span span) {
        return new Token(kind, span, "", null, null);
    }

    private static Token errorValue(String text, String prefix, Token.Kind plain, Token.Kind withLens, Span span)
            throws SyntaxError {
        if (text.length() == prefix.length()) {
            return new Token(plain, span, "", null, null);
        }
        // The prefixes are ASCII, so the lens starts prefix.length() bytes into the word.
        Span lensSpan = new Span(span.left() + prefix.length(), span.right());
        try {
            return new Token(withLens, span, "", LensParser.parse(text.substring(prefix.length())), null);
        } catch (SyntaxError e) {
            throw new SyntaxError(e.kind, lensSpan, e.getMessage());
        }
    }
}
