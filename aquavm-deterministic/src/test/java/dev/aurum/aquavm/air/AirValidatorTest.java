package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.def;
import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static dev.aurum.aquavm.air.AirTestSupport.reject;
import static dev.aurum.aquavm.air.AirTestSupport.rejectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.air.AirParseError.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's rules and their exact scope (validator.rs). */
class AirValidatorTest {

    private static final String USE_X = "(call \"p\" (\"s\" \"f\") [x])";

    @Test
    void variablesMustBeDefinedByAnInstructionStartingEarlier() {
        parse("(seq " + def("x") + " " + USE_X + ")");
        AirParseError e = rejectWith("(seq " + USE_X + " " + def("x") + ")", Kind.UNDEFINED_VARIABLE);
        assertEquals("variable 'x' wasn't defined", e.message());
        assertEquals(new Span(5, 5 + USE_X.length()), e.span()); // the span of the using instruction
        // a definition in an earlier par/xor branch counts: only source order matters
        parse("(par " + def("x") + " " + USE_X + ")");
        parse("(xor " + def("x") + " " + USE_X + ")");
        // a call cannot use its own output
        rejectWith("(call \"p\" (\"s\" \"f\") [x] x)", Kind.UNDEFINED_VARIABLE);
        // an enclosing new or fold defines its name for everything inside
        parse("(new x " + USE_X + ")");
        parse("(fold [] x " + USE_X + ")");
        // ...and, as in AquaVM, also for everything after it
        parse("(seq (fold [] x (null)) " + USE_X + ")");
        parse("(seq (new x (null)) " + USE_X + ")");
        parse("(seq (canon \"p\" %m x) " + USE_X + ")");
        parse("(seq (ap 1 x) " + USE_X + ")");
        parse("(seq (ap (\"k\" 1) %x) (fold %x i (null)))");
    }

    @Test
    void onlyTheFirstUnresolvedUseOfANameIsJudged() {
        // AquaVM keeps unresolved uses in a MultiMap and checks only each name's first one
        AirParseException e = reject("(call y (\"s\" \"f\") [x x])");
        assertEquals(List.of("y", "x"), e.errors().stream()
                .map(err -> err.message().substring(10, 11)).toList());
        // verified against avm.wasm: accepted, the inner use (met first, post-order) is resolved by new
        parse("(match x 1 (new x (call \"p\" (\"s\" \"f\") [x])))");
        // ...while a lone bad use is rejected
        rejectWith("(match x 1 (new y (call \"p\" (\"s\" \"f\") [x])))", Kind.UNDEFINED_VARIABLE);
        // uses resolved when met are never remembered
        AirParseError one = rejectWith("(match y 1 (seq " + def("y") + " (call \"p\" (\"s\" \"f\") [y])))",
                Kind.UNDEFINED_VARIABLE);
        assertEquals(0, one.span().left());
    }

    @Test
    void onlyTheFirstNextOfAnIteratorIsChecked() {
        // verified against avm.wasm: the stray second next hides behind the first, valid one
        parse("(seq (fold [] i (next i)) (next i))");
        rejectWith("(seq (next i) (fold [] i (next i)))", Kind.UNDEFINED_ITERABLE);
    }

    @Test
    void whichPositionsAreChecked() {
        // checked: triplet, arguments, ap argument, ap-map key, match operands, fold iterables, [x] in lenses
        rejectWith("(call x (\"s\" \"f\") [])", Kind.UNDEFINED_VARIABLE);
        rejectWith("(call \"p\" (x \"f\") [])", Kind.UNDEFINED_VARIABLE);
        rejectWith("(call \"p\" (\"s\" #cc.$.[0]) [])", Kind.UNDEFINED_VARIABLE);
        rejectWith("(ap x y)", Kind.UNDEFINED_VARIABLE);
        rejectWith("(ap (x 1) %m)", Kind.UNDEFINED_VARIABLE);
        rejectWith("(match x 1 (null))", Kind.UNDEFINED_VARIABLE);
        rejectWith("(mismatch 1 #%cm (null))", Kind.UNDEFINED_VARIABLE);
        rejectWith("(fold x i (null))", Kind.UNDEFINED_VARIABLE);
        rejectWith("(fold $s i (null))", Kind.UNDEFINED_VARIABLE);
        rejectWith("(fold %m i (null))", Kind.UNDEFINED_VARIABLE);
        rejectWith("(seq " + def("x") + " (call \"p\" (\"s\" \"f\") [x.$.[y]]))", Kind.UNDEFINED_VARIABLE);
        // not checked (AquaVM quirks): canon peer and stream, fail operand, ap-map value, error lenses
        parse("(canon undefined_peer $s #cc)");
        parse("(canon undefined.$.peer %m #%cm)");
        parse("(fail undefined)");
        parse("(fail undefined.$.error)");
        parse("(fail #undefined.$.[0])");
        parse("(ap (\"k\" undefined) %m)");
        parse("(call \"p\" (\"s\" \"f\") [%last_error%.$.[undefined] :error:.$.[undefined]])");
    }

    @Test
    void nextNeedsAnEnclosingFoldOfThatIterator() {
        AirParseError e = rejectWith("(next i)", Kind.UNDEFINED_ITERABLE);
        assertEquals("iterable 'i' wasn't defined", e.message());
        rejectWith("(seq (fold [] i (null)) (next i))", Kind.UNDEFINED_ITERABLE);
        rejectWith("(fold [] i (next j))", Kind.UNDEFINED_ITERABLE);
        parse("(fold [] i (fold [] j (next i)))");
    }

    @Test
    void oneNextPerFold() {
        AirParseException e = reject("(fold [] i (seq (next i) (next i)))");
        assertEquals(Kind.MULTIPLE_NEXT_IN_FOLD, e.first().kind());
        assertEquals(1, e.errors().size());
        assertEquals(new Span(25, 33), e.first().span()); // the second next
        // one next in each of two sibling folds with the same iterator name is fine
        parse("(seq (fold [] i (next i)) (fold [] i (next i)))");
        // the inner fold's next is not the outer fold's
        rejectWith("(fold [] i (seq (next i) (fold [] j (seq (next i) (next j)))))", Kind.MULTIPLE_NEXT_IN_FOLD);
    }

    @Test
    void newCannotScopeAnIteratorInsideItsFold() {
        AirParseError e = rejectWith("(fold [] i (new i (next i)))", Kind.ITERATOR_RESTRICTION_NOT_ALLOWED);
        assertEquals("new can't be applied to a 'i' because it's an iterator", e.message());
        parse("(new i (fold [] i (next i)))");
        parse("(seq (fold [] i (null)) (new i (null)))");
    }

    @Test
    void nestedFoldsCannotShareAnIterator() {
        AirParseError e = rejectWith("(fold [] i (fold [] i (next i)))", Kind.MULTIPLE_ITERABLE_VALUES_FOR_ONE_ITERATOR);
        assertEquals(new Span(11, 11 + "(fold [] i (next i))".length()), e.span()); // the inner fold
        parse("(seq (fold [] i (null)) (fold [] i (null)))");
    }

    @Test
    void failWithLiteralZero() {
        AirParseError e = rejectWith("(fail 0 \"msg\")", Kind.UNSUPPORTED_LITERAL_ERR_CODES);
        assertEquals("error code 0 with fail is unsupported", e.message());
        rejectWith("(fail -0 \"msg\")", Kind.UNSUPPORTED_LITERAL_ERR_CODES);
        rejectWith("(fail +00 \"msg\")", Kind.UNSUPPORTED_LITERAL_ERR_CODES);
        parse("(fail -1 \"msg\")");
    }

    @Test
    void instructionAfterNextOnlyMattersInStreamFolds() {
        String s = "(seq " + def("$s") + " ";
        rejectWith(s + "(fold $s i (seq (next i) (null))))", Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT);
        rejectWith(s + "(fold $s i (par (next i) (null))))", Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT);
        rejectWith("(seq (ap (\"k\" 1) %m) (fold %m i (seq (next i) (null))))", Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT);
        parse(s + "(fold $s i (seq (null) (next i))))");
        parse(s + "(fold $s i (par (null) (next i))))");
        parse(s + "(fold $s i (xor (next i) (null))))");
        parse(s + "(fold $s i (seq (null) (next i)) (null)))");
        parse("(fold [] i (seq (next i) (null)))"); // scalar folds allow it
    }

    @Test
    void xorOfTwoNextsSwitchesTheAfterNextCheckOff() {
        // AquaVM's machine disables itself for the rest of the script on (xor (next a) (next b))
        String malformed = "(fold $s k (seq (next k) (null)))";
        String prefix = "(seq " + def("$s") + " ";
        rejectWith(prefix + malformed + ")", Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT);
        parse(prefix + "(seq (fold [] i (fold [] j (xor (next i) (next j)))) " + malformed + "))");
    }

    @Test
    void errorsComeInSourceOrderLikeCodespanShowsThem() {
        AirParseException e = reject("(seq (call \"p\" (\"s\" \"f\") [x]) (seq (next i) (fail 0 \"m\")))");
        assertEquals(List.of(Kind.UNDEFINED_VARIABLE, Kind.UNDEFINED_ITERABLE, Kind.UNSUPPORTED_LITERAL_ERR_CODES),
                e.errors().stream().map(AirParseError::kind).toList());
    }
}
