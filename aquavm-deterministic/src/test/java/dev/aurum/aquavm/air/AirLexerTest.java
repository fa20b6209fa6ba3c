package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.arg;
import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static dev.aurum.aquavm.air.AirTestSupport.rejectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.air.AirParseError.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexer rules and quirks of AquaVM 0.62's air_lexer.rs / call_variable_parser.rs. */
class AirLexerTest {

    @Test
    void commentsRunToEndOfLineAndOnlyStartAtTokenStart() {
        Instruction i = parse("; leading comment (seq\n(null) ; trailing ) ] \"\n; last");
        assertInstanceOf(Instruction.Null.class, i);
        // ';' inside a word is part of the word, and not an air-alphanumeric character
        rejectWith("(call \"p\" (\"s\" \"f\") [] a;b)", Kind.IS_NOT_ALPHANUMERIC);
    }

    @Test
    void stringLiteralsHaveNoEscapesAndMaySpanLines() {
        Instruction.Fail f = (Instruction.Fail) parse("(fail 1 \"a\\\")");
        assertEquals(new AirValue.FailLiteral(1, "a\\"), f.body());
        Instruction.Fail g = (Instruction.Fail) parse("(fail 2 \"line1\n(line2) ; not a comment\")");
        assertEquals("line1\n(line2) ; not a comment", ((AirValue.FailLiteral) g.body()).message());
        rejectWith("(fail 1 \"unclosed)", Kind.UNCLOSED_QUOTE);
    }

    @Test
    void wordsEndAtWhitespaceOrUnbalancedClosingBracket() {
        // x.$.[0] keeps its own brackets, the outer ] closes the argument list
        assertEquals("x.$.[0]", AirPrinter.value(arg("x.$.[0]")));
        // balanced round brackets stay inside a word (and are then rejected as non-alphanumeric)
        rejectWith("(call \"p\" (\"s\" \"f\") [a(b)])", Kind.IS_NOT_ALPHANUMERIC);
        // unicode whitespace as Rust defines it: U+00A0 separates words, U+001F does not
        assertInstanceOf(Instruction.Null.class, parse("(\u00A0null\u3000)"));
        rejectWith("(null\u001F)", Kind.IS_NOT_ALPHANUMERIC);
    }

    @Test
    void integers() {
        assertEquals(new AirValue.Int(42, "42"), arg("42"));
        assertEquals(new AirValue.Int(-7, "-7"), arg("-7"));
        assertEquals(new AirValue.Int(7, "+007"), arg("+007"));
        assertEquals(new AirValue.Int(Long.MIN_VALUE, "-9223372036854775808"), arg("-9223372036854775808"));
        assertEquals(new AirValue.Int(Long.MAX_VALUE, "9223372036854775807"), arg("9223372036854775807"));
        AirParseError e = rejectWith("(call \"p\" (\"s\" \"f\") [9223372036854775808])", Kind.PARSE_INT_ERROR);
        assertEquals("number too large to fit in target type", e.message());
        rejectWith("(call \"p\" (\"s\" \"f\") [-9223372036854775809])", Kind.PARSE_INT_ERROR);
        // a lone sign is a number word that Rust cannot parse
        rejectWith("(call \"p\" (\"s\" \"f\") [-])", Kind.PARSE_INT_ERROR);
        // non-ASCII digits count as numeric for the lexer but not for Rust's i64 parser
        rejectWith("(call \"p\" (\"s\" \"f\") [\u0663])", Kind.PARSE_INT_ERROR);
    }

    @Test
    void floats() {
        AirValue.Float f = (AirValue.Float) arg("1.5");
        assertEquals(1.5, f.value());
        assertEquals("1.5", f.text());
        assertEquals(0.1, ((AirValue.Float) arg("0.1")).value());
        assertEquals(5.0, ((AirValue.Float) arg("5.")).value());
        assertEquals(-0.25, ((AirValue.Float) arg("-0.25")).value());
        assertEquals(1234567.891, ((AirValue.Float) arg("1234567.891")).value()); // 11 characters
        assertEquals(0.123456789, ((AirValue.Float) arg("0.123456789")).value());
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(((AirValue.Float) arg("-0.0")).value()));
        rejectWith("(call \"p\" (\"s\" \"f\") [12345678.901])", Kind.TOO_BIG_FLOAT); // 12 characters
        rejectWith("(call \"p\" (\"s\" \"f\") [-123456789.0])", Kind.TOO_BIG_FLOAT); // sign counts
        assertEquals(-12345678.9, ((AirValue.Float) arg("-12345678.9")).value()); // 11 with the sign
        rejectWith("(call \"p\" (\"s\" \"f\") [.5])", Kind.LEADING_DOT);
        rejectWith("(call \"p\" (\"s\" \"f\") [-.5])", Kind.LEADING_DOT);
        rejectWith("(call \"p\" (\"s\" \"f\") [1.2.3])", Kind.UNALLOWED_CHAR_IN_NUMBER);
        rejectWith("(call \"p\" (\"s\" \"f\") [1.5abc])", Kind.UNALLOWED_CHAR_IN_NUMBER);
        rejectWith("(call \"p\" (\"s\" \"f\") [1.\u0663])", Kind.PARSE_FLOAT_ERROR);
    }

    @Test
    void floatsAreCorrectlyRounded() {
        // compare with the JVM's correctly rounded parser on every representable shape
        String[] samples = {"0.3", "2.675", "9999999.999", "0.000000001", "3.141592653", "1.000000001",
            "-123.456789", "+0.7", "4503599.627", "0.999999999"};
        for (String s : samples) {
            assertEquals(Double.parseDouble(s), ((AirValue.Float) arg(s)).value(), s);
        }
    }

    @Test
    void numberLikeWordsBecomeScalars() {
        for (String name : List.of("1abc", "-abc", "+x", "1-2")) {
            Instruction.Call c = (Instruction.Call) parse("(call \"p\" (\"s\" \"f\") [] " + name + ")");
            assertEquals(new AirValue.Scalar(name, c.output().orElseThrow().span()), c.output().orElseThrow());
        }
        // "1.$" is a number with a dot followed by a non-digit
        rejectWith("(call \"p\" (\"s\" \"f\") [1.$])", Kind.UNALLOWED_CHAR_IN_NUMBER);
    }

    @Test
    void namesAreUnicodeAlphanumericsUnderscoreAndDash() {
        Instruction.Call c = (Instruction.Call) parse("(call \"p\" (\"s\" \"f\") [] \u0436\u4e2d_x-1\u0663)");
        assertEquals("\u0436\u4e2d_x-1\u0663", c.output().orElseThrow().name());
        rejectWith("(call \"p\" (\"s\" \"f\") [] a@b)", Kind.IS_NOT_ALPHANUMERIC);
        rejectWith("(call \"p\" (\"s\" \"f\") [] $$x)", Kind.IS_NOT_ALPHANUMERIC);
    }

    @Test
    void tagsAndCanonTags() {
        assertInstanceOf(AirValue.Stream.class, ((Instruction.Call) parse("(call \"p\" (\"s\" \"f\") [] $s)"))
                .output().orElseThrow());
        assertInstanceOf(AirValue.CanonStream.class, arg("#cc"));
        Instruction.Canon c = (Instruction.Canon) parse("(canon \"p\" $s #$c2)");
        assertEquals("#$c2", c.canonStream().name());
        Instruction.CanonMap m = (Instruction.CanonMap) parse("(canon \"p\" %m #%m2)");
        assertEquals("%m", m.streamMap().name());
        assertEquals("#%m2", m.canonStreamMap().name());
        rejectWith("(call \"p\" (\"s\" \"f\") [] $)", Kind.EMPTY_TAGGED_NAME);
        rejectWith("(canon \"p\" $s #$)", Kind.EMPTY_CANON_NAME);
        rejectWith("(canon \"p\" %m #%)", Kind.EMPTY_CANON_NAME);
    }

    @Test
    void percentAsSecondCharacterMakesACanonMapWhateverCameFirst() {
        // AquaVM's deduce_tag turns any '%' at byte offset 1 into a canon-stream-map tag
        Instruction.CanonMap m = (Instruction.CanonMap) parse("(canon \"p\" %m a%b)");
        assertEquals("a%b", m.canonStreamMap().name());
        rejectWith("(canon \"p\" %m a%)", Kind.EMPTY_CANON_NAME);
    }

    @Test
    void shortTaggedNamesCannotCarryALens() {
        // a dot at byte offset <= 2 after a tag is reported as an empty canon name
        rejectWith("(call #a.$.x (\"s\" \"f\") [])", Kind.EMPTY_CANON_NAME);
        rejectWith("(call #$.$.x (\"s\" \"f\") [])", Kind.EMPTY_CANON_NAME);
        rejectWith("(call \"p\" (\"s\" \"f\") [] .x)", Kind.LEADING_DOT);
    }

    @Test
    void specialWords() {
        assertInstanceOf(AirValue.InitPeerId.class, arg("%init_peer_id%"));
        assertInstanceOf(AirValue.Timestamp.class, arg("%timestamp%"));
        assertInstanceOf(AirValue.Ttl.class, arg("%ttl%"));
        assertEquals(new AirValue.Bool(true), arg("true"));
        assertEquals(new AirValue.Bool(false), arg("false"));
        assertEquals(new AirValue.LastError(java.util.Optional.empty()), arg("%last_error%"));
        AirValue.LastError le = (AirValue.LastError) arg("%last_error%.$.message");
        assertEquals(".$.message", AirPrinter.lens(le.lens().orElseThrow()));
        AirValue.InstructionError e = (AirValue.InstructionError) arg(":error:.$.error_code");
        assertEquals(".$.error_code", AirPrinter.lens(e.lens().orElseThrow()));
        rejectWith("(call \"p\" (\"s\" \"f\") [%last_error%x])", Kind.LENS_PARSE_ERROR);
        rejectWith("(call \"p\" (\"s\" \"f\") [:error:.$])", Kind.LENS_PARSE_ERROR);
        // %timestamp% with a lens is not special: '%' then a non-alphanumeric '%'
        rejectWith("(call \"p\" (\"s\" \"f\") [%timestamp%.$.a])", Kind.IS_NOT_ALPHANUMERIC);
    }

    @Test
    void lensGrammar() {
        assertEquals(".$.a.[0].[k]", AirPrinter.value(arg("x.$.a[0].[k]")).substring(1));
        assertEquals("x.$.[1].b", AirPrinter.value(arg("x.$[1].b!")));
        assertEquals("x.$.[1]", AirPrinter.value(arg("x.$.[1]!")));
        assertEquals("x.length", AirPrinter.value(arg("x.length")));
        assertEquals("x.$.length", AirPrinter.value(arg("x.$.length")));
        assertEquals("x.$.[4294967295]", AirPrinter.value(arg("x.$.[4294967295]")));
        // "[1x]": the lens lexer reads 1 as an index, then x; a scalar named 1x cannot be an accessor
        List<String> bad = List.of("x.$.[1x]", "x.$", "x.$a", "x.$..a", "x.$.[a.b]", "x.$.5", "x.$.[0a]", "x.len",
                "x.length!", "x.$.[4294967296]", "x.$.a?", "x.$.[]");
        for (String b : bad) {
            rejectWith("(seq " + AirTestSupport.def("x") + " (call \"p\" (\"s\" \"f\") [" + b + "]))",
                    Kind.LENS_PARSE_ERROR);
        }
        // '!' is only accepted as the last character of the word
        rejectWith("(seq " + AirTestSupport.def("x") + " (call \"p\" (\"s\" \"f\") [x.$.a!.b]))",
                Kind.INVALID_LENS_CHAR);
        rejectWith("(seq " + AirTestSupport.def("x") + " (call \"p\" (\"s\" \"f\") [x.$.a;]))",
                Kind.INVALID_LENS_CHAR);
    }

    @Test
    void lensNameEndingInMultiByteCharacterIsAnAquaVmPanic() {
        AirParseError e = rejectWith("(seq " + AirTestSupport.def("x") + " (call \"p\" (\"s\" \"f\") [x.$.a\u00e9]))",
                Kind.AQUAVM_PANICS);
        assertTrue(e.message().contains("panics"));
        assertEquals("x.$.\u00e9a", AirPrinter.value(arg("x.$.\u00e9a")));
    }

    @Test
    void spansAreUtf8ByteOffsets() {
        // "é" takes two bytes, so (null) starts at byte 19 although it is at char 18
        Instruction.Seq seq = (Instruction.Seq) parse("(seq (fail 1 \"\u00e9\") (null))");
        assertEquals(new Span(0, 26), seq.span());
        assertEquals(new Span(5, 18), seq.left().span());
        assertEquals(new Span(19, 25), seq.right().span());
        Instruction.Call call = (Instruction.Call) parse("(call \"p\" (\"s\" \"f\") [] \u00e9x)");
        assertEquals(new Span(23, 26), ((AirValue.Scalar) call.output().orElseThrow()).span());
    }
}
