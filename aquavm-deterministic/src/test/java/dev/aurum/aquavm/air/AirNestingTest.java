package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static dev.aurum.aquavm.air.AirTestSupport.rejectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.air.AirParseError.Kind;
import org.junit.jupiter.api.Test;

/** The documented nesting limit: deep input is a parse error, never a stack overflow. */
class AirNestingTest {

    private static String nestedSeq(int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append("(seq (null) ".repeat(depth - 1)).append("(null)").append(")".repeat(depth - 1));
        return sb.toString();
    }

    private static String nestedNew(int depth) {
        return "(new $s ".repeat(depth - 1) + "(null)" + ")".repeat(depth - 1);
    }

    @Test
    void atTheLimitParses() throws AirParseException {
        Instruction root = parse(nestedSeq(AirParser.MAX_NESTING_DEPTH));
        String printed = AirPrinter.script(root);
        assertEquals(nestedSeq(AirParser.MAX_NESTING_DEPTH).replace("(null) )", "(null))"),
                printed.replace("(null) )", "(null))"));
        parse(nestedNew(AirParser.MAX_NESTING_DEPTH));
    }

    @Test
    void beyondTheLimitIsAParseError() {
        AirParseError e = rejectWith(nestedSeq(AirParser.MAX_NESTING_DEPTH + 1), Kind.NESTING_TOO_DEEP);
        assertEquals(12 * (AirParser.MAX_NESTING_DEPTH - 1) + 5, e.span().left()); // the (null) one level too deep
        rejectWith(nestedNew(100_000), Kind.NESTING_TOO_DEEP);
        rejectWith("(".repeat(1_000_000), Kind.UNRECOGNIZED_TOKEN); // "((" is not an instruction
        rejectWith("(seq ".repeat(500_000), Kind.NESTING_TOO_DEEP);
    }

    @Test
    void scriptSizeIsBounded() {
        String huge = "(null)" + " ".repeat(AirParser.MAX_SCRIPT_CHARS);
        AirParseError e = rejectWith(huge, Kind.SCRIPT_TOO_LARGE);
        assertEquals(1, e.line());
    }

    @Test
    void longFlatScriptsAreFine() {
        // depth is what is limited, not length: 20 000 instructions in a left-leaning chain of 2 levels
        StringBuilder sb = new StringBuilder("(seq (null) (par");
        sb.append(" (null)".repeat(2)).append("))");
        parse(sb.toString());
        String wide = "(call \"p\" (\"s\" \"f\") [" + "1 ".repeat(50_000) + "])";
        assertEquals(50_000, ((Instruction.Call) parse(wide)).arguments().size());
    }
}
