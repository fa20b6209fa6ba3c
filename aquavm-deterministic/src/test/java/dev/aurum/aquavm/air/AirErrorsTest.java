package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.reject;
import static dev.aurum.aquavm.air.AirTestSupport.rejectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.air.AirParseError.Kind;
import org.junit.jupiter.api.Test;

/** Positions and texts of errors, in the spirit of AquaVM's codespan report. */
class AirErrorsTest {

    @Test
    void lineAndColumnCountCharactersFromOne() {
        AirParseError e = rejectWith("(seq\n  (null)\n  (nul\u00e9l))", Kind.UNRECOGNIZED_TOKEN);
        assertEquals(3, e.line());
        assertEquals(4, e.column());
        assertEquals(new Span(17, 23), e.span());
        AirParseError f = rejectWith("(seq (fail 1 \"\u00e9\u00e9\") 12345678.901)", Kind.TOO_BIG_FLOAT);
        assertEquals(1, f.line());
        assertEquals(20, f.column()); // characters, though the word starts at byte 21
        assertEquals(21, f.span().left());
    }

    @Test
    void unexpectedEndPointsAfterTheLastToken() {
        AirParseError e = rejectWith("(seq (null)\n\n  ", Kind.UNRECOGNIZED_EOF);
        assertEquals(new Span(11, 11), e.span());
        assertEquals(1, e.line());
        assertEquals(12, e.column());
        assertTrue(e.message().startsWith("expected"), e.message());
    }

    @Test
    void reportHasAquaVmPrefixAndPointsAtTheSpot() {
        AirParseException e = reject("(seq\n  (call \"p\" (\"s\" \"f\") [x])\n  (null))");
        String report = e.report();
        assertTrue(report.startsWith("air can't be parsed:\n"), report);
        assertTrue(report.contains("script.air:2:3"), report);
        assertTrue(report.contains("variable 'x' wasn't defined"), report);
        assertTrue(report.contains("2 \u2502   (call \"p\" (\"s\" \"f\") [x])"), report);
        assertTrue(e.getMessage().contains("variable 'x' wasn't defined at script.air:2:3"), e.getMessage());
    }

    @Test
    void unexpectedTokenNamesWhatWasExpected() {
        AirParseError e = rejectWith("(call \"p\" (\"s\" \"f\") [$s])", Kind.UNRECOGNIZED_TOKEN);
        assertEquals(new Span(21, 23), e.span());
        assertTrue(e.message().contains("Stream"), e.message());
        assertEquals(Kind.EXTRA_TOKEN, rejectWith("(null))", Kind.EXTRA_TOKEN).kind());
    }

    @Test
    void reportsOfHugeScriptsStayShort() {
        StringBuilder sb = new StringBuilder("(call \"p\" (\"s\" \"f\") [");
        for (int i = 0; i < 300; i++) {
            sb.append("u").append(i).append(' ').append("1 ".repeat(2000));
        }
        AirParseException e = reject(sb.append("])").toString());
        assertEquals(300, e.errors().size()); // one per undefined name
        // 100 rendered errors, each an excerpt of the line and a caret line of at most WINDOW characters
        assertTrue(e.report().length() < 100 * (2 * ErrorReport.WINDOW + 300), "report length " + e.report().length());
        assertTrue(e.report().endsWith("... and 200 more errors\n"));
    }

    @Test
    void aLongLineIsQuotedInFullAsCodespanDoes() {
        String line = "(seq (call \"" + "p".repeat(500) + "\" (\"s\" \"f\") [] x) (call \"p\" (\"s\" \"f\") [y] z))";
        AirParseException e = reject(line);
        String report = e.report();
        assertTrue(report.contains("1 \u2502 " + line + "\n"), report);
        int column = e.errors().get(0).column();
        assertEquals(line.indexOf("(call \"p\" (") + 1, column);
        assertTrue(report.contains("\n  \u2502 " + " ".repeat(column - 1) + "^"), report);
    }

    @Test
    void lensErrorsPointAtTheLens() {
        AirParseError e = rejectWith("(call \"p\" (\"s\" \"f\") [%last_error%.$])", Kind.LENS_PARSE_ERROR);
        assertEquals(new Span(33, 35), e.span());
        assertTrue(e.message().contains("doesn't contain any accessor"), e.message());
    }
}
