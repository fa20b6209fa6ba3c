package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

final class AirTestSupport {

    private AirTestSupport() {
    }

    static Instruction parse(String air) {
        try {
            return AirParser.parse(air);
        } catch (AirParseException e) {
            return fail("expected to parse: " + air + "\n" + e.report());
        }
    }

    static AirParseException reject(String air) {
        return assertThrows(AirParseException.class, () -> AirParser.parse(air), () -> "expected rejection: " + air);
    }

    static AirParseError rejectWith(String air, AirParseError.Kind kind) {
        AirParseException e = reject(air);
        assertEquals(kind, e.first().kind(), () -> "for " + air + ":\n" + e.report());
        return e.first();
    }

    /** A call that defines {@code name}, for building valid scripts. */
    static String def(String name) {
        return "(call \"p\" (\"s\" \"f\") [] " + name + ")";
    }

    /** The argument value of {@code (call "p" ("s" "f") [ARG])} after defining x, k, #cc, #%cm. */
    static AirValue arg(String arg) {
        Instruction root = parse("(seq (seq " + def("x") + " (seq " + def("k") + " (seq (canon \"p\" $s #cc)"
                + " (canon \"p\" %m #%cm)))) (call \"p\" (\"s\" \"f\") [" + arg + "]))");
        Instruction.Call call = (Instruction.Call) ((Instruction.Seq) root).right();
        return call.arguments().get(0);
    }
}
