package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurum.aquavm.air.AirParseError.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-level known answers taken from AquaVM 0.62's lexer/tests.rs (inputs and expected positions). */
class AirLexerVectorsTest {

    static List<Token> lex(String s) throws SyntaxError {
        AirLexer lexer = new AirLexer(new SourceText(s));
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); !t.is(Token.Kind.EOF); t = lexer.next()) {
            out.add(t);
        }
        return out;
    }

    static Token single(String s) throws SyntaxError {
        List<Token> tokens = lex(s);
        assertEquals(1, tokens.size(), s);
        return tokens.get(0);
    }

    static void lexError(String s, Kind kind, int at) {
        SyntaxError e = assertThrows(SyntaxError.class, () -> lex(s), s);
        assertEquals(kind, e.kind, s + ": " + e.getMessage());
        assertEquals(at, e.span.left(), s);
    }

    @Test
    void keywordsAndSpecialWords() throws SyntaxError {
        assertEquals(new Span(0, 4), single("call").span());
        assertEquals(Token.Kind.MISMATCH, single("mismatch").kind());
        assertEquals(Token.Kind.INIT_PEER_ID, single("%init_peer_id%").kind());
        assertEquals(Token.Kind.TIMESTAMP, single("%timestamp%").kind());
        assertEquals(Token.Kind.TTL, single("%ttl%").kind());
        assertEquals(Token.Kind.BOOLEAN, single("true").kind());
        Token t = single("true1");
        assertEquals(Token.Kind.SCALAR, t.kind());
        assertEquals("true1", t.text());
        List<Token> call = lex("(call)");
        assertEquals(List.of(Token.Kind.OPEN_ROUND, Token.Kind.CALL, Token.Kind.CLOSE_ROUND),
                call.stream().map(Token::kind).toList());
        assertEquals(new Span(5, 6), call.get(2).span());
    }

    @Test
    void streamsAndCanons() throws SyntaxError {
        assertEquals(Token.Kind.STREAM, single("$stream____asdasd").kind());
        assertEquals(Token.Kind.STREAM_MAP, single("%stream_map____asdasd").kind());
        assertEquals(Token.Kind.CANON_STREAM, single("#stream____asdasd").kind());
        assertEquals(Token.Kind.CANON_STREAM, single("#$stream____asdasd").kind());
        assertEquals(Token.Kind.CANON_STREAM_WITH_LENS, single("#$canon_stream.length").kind());
        assertEquals(Token.Kind.CANON_STREAM_MAP_WITH_LENS, single("#%canon.$.[42]").kind());
        assertEquals("#%canon", single("#%canon.$.[scalar]").text());
        assertEquals(Token.Kind.STREAM_WITH_LENS, single("$st.$.a").kind());
        lexError("$s.$.a", Kind.EMPTY_CANON_NAME, 1);
        lexError("#s$stream____asdasd", Kind.IS_NOT_ALPHANUMERIC, 2);
        lexError("#", Kind.EMPTY_TAGGED_NAME, 0);
        lexError("#s$stream____asdasd.length", Kind.IS_NOT_ALPHANUMERIC, 2);
        lexError("#.length", Kind.EMPTY_CANON_NAME, 0);
        lexError("#$.length", Kind.EMPTY_CANON_NAME, 1);
    }

    @Test
    void numbers() throws SyntaxError {
        assertEquals(new AirValue.Int(123, "+123"), single("+123").number());
        assertEquals(new AirValue.Int(-123, "-123"), single("-123").number());
        assertEquals(Token.Kind.F64, single("+123.5").kind());
        lexError("1231231564564545684564646515313546547682131", Kind.PARSE_INT_ERROR, 0);
        lexError("10000000000000000000000000000001.1231564564545684564646515313546547682131", Kind.TOO_BIG_FLOAT, 0);
        lexError("12345.$[$@[]():?.*,\"]", Kind.UNALLOWED_CHAR_IN_NUMBER, 6);
        lexError("+12345.$[$@[]():?.*,\"]", Kind.UNALLOWED_CHAR_IN_NUMBER, 7);
        lexError(".111", Kind.LEADING_DOT, 0);
        lexError("+.1111", Kind.LEADING_DOT, 1);
        lexError("+12345$[$@[]():?.*,\"!]", Kind.IS_NOT_ALPHANUMERIC, 6);
    }

    @Test
    void lensesAndBadValues() throws SyntaxError {
        Token t = single("value.$.field[1]");
        assertEquals(Token.Kind.SCALAR_WITH_LENS, t.kind());
        assertEquals("value", t.text());
        assertEquals(new Lens.ValuePath(List.of(new Lens.Field("field"), new Lens.Index(1))), t.lens());
        lexError("val!ue.$[$@[]():?.*,\"\\]", Kind.IS_NOT_ALPHANUMERIC, 3);
        lexError("value.$![$@[]():?.*,\"\\]", Kind.INVALID_LENS_CHAR, 7);
        lexError("value.$%", Kind.INVALID_LENS_CHAR, 7);
        // all lens-allowed characters pass the AIR lexer, then the lens parser rejects them
        lexError("value.$[$@[]():?.*,\"]", Kind.LENS_PARSE_ERROR, 5);
        assertEquals(new Lens.ValuePath(List.of(new Lens.Field("instruction"))),
                single("%last_error%.$.instruction").lens());
        assertEquals(Token.Kind.ERROR_WITH_LENS, single(":error:.$.message").kind());
    }

    @Test
    void unclosedQuoteInsideCall() {
        // the literal runs from "peer_name to the next quote; then service_name" is a bad word at 33
        lexError("(call (\"peer_name) (\"service_name\" \"function_name\") [])", Kind.IS_NOT_ALPHANUMERIC, 33);
        lexError("(fail 1 \"abc", Kind.UNCLOSED_QUOTE, 8);
    }
}
