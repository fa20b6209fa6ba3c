package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.arg;
import static dev.aurum.aquavm.air.AirTestSupport.def;
import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AquaVM's Display text of instructions, values and lenses (the %last_error%.instruction field). */
class AirPrinterTest {

    private static String display(String air) {
        return AirPrinter.instruction(parse(air));
    }

    /** Display of the instruction that follows the definitions of x, k, $s, %m, #cc, #%cm. */
    private static String displayAfterDefs(String instruction) {
        Instruction root = parse("(seq (seq (seq " + def("x") + " " + def("k") + ") (seq " + def("$s")
                + " (seq (ap (\"a\" 1) %m) (seq (canon \"p\" $s #cc) (canon \"p\" %m #%cm))))) " + instruction + ")");
        return AirPrinter.instruction(((Instruction.Seq) root).right());
    }

    @Test
    void knownAnswersFromAquaVm() {
        // crates/air-lib/air-parser/src/ast/tests and the spec's %last_error% examples
        assertEquals("fail x", display("(fail x)"));
        assertEquals("fail 123 \"string\"", display("(fail 123 \"string\")"));
        assertEquals("fail %last_error%", display("(fail %last_error%)"));
        assertEquals("fail :error:", display("(fail :error:)"));
        assertEquals("fail 1337 \"error message\"", display("(fail 1337 \"error message\")"));
        assertEquals("match 1 2", display("(match 1 2 (null))"));
        assertEquals("call \"peer\" (\"\" \"\") [] ", display("(call \"peer\" (\"\" \"\") [])"));
        assertEquals("%last_error%.$.message", AirPrinter.value(
                new AirValue.LastError(Optional.of(new Lens.ValuePath(List.of(new Lens.Field("message")))))));
    }

    /** The failing instruction of each script and the %last_error%.instruction avm.wasm 0.62 reported for it. */
    @Test
    void instructionTextsReportedByAvmWasm() {
        String[][] cases = {
            {"(match 1 2 (null))", "match 1 2"},
            {"(call %init_peer_id% (\"s\" \"f\") [x.$.a])", "call %init_peer_id% (\"s\" \"f\") [x.$.a] "},
            {"(call \"p\" (\"s\" \"f\") [x.$.a] y)", "call \"p\" (\"s\" \"f\") [x.$.a] y"},
            {"(fail 1337 \"error message\")", "fail 1337 \"error message\""},
            {"(mismatch 1.50 1.5 (null))", "mismatch 1.5 1.5"},
            {"(ap x.$.[0] $y)", "ap x.$.[0] $y"},
            {"(fold x.$.a i (next i))", "fold x.$.a i"},
            {"(ap (x.$.k -0.0) %m)", "ap (x.$.k -0) %m"},
            {"(ap (x.$.k +007) %m)", "ap (x.$.k 7) %m"},
            {"(match %timestamp% -0.0 (null))", "match %timestamp% -0"},
            {"(canon x.$.[0] $s #cc)", "canon x.$.[0] $s #cc"},
            {"(fail x)", "fail x"},
            {"(ap x.$.a[k].[1].b! $y)", "ap x.$.a.[k].[1].b $y"},
            {"(match x.length 1 (null))", "match x.length 1"},
            {"(call %init_peer_id% (x.$.s \"f\") [1 \"two\" true [] %ttl%] $out)",
                "call %init_peer_id% (x.$.s \"f\") [1 \"two\" true [] %ttl%] $out"},
            {"(fold x i (next i))", "fold x i"},
        };
        for (String[] c : cases) {
            Instruction root = parse("(seq (ap \"str\" x) (seq (ap 0 k) " + c[0] + "))");
            Instruction failing = ((Instruction.Seq) ((Instruction.Seq) root).right()).right();
            assertEquals(c[1], AirPrinter.instruction(failing), c[0]);
        }
    }

    @Test
    void everyInstruction() {
        assertEquals("call \"p\" (\"s\" \"f\") [x k] y", displayAfterDefs("(call \"p\" (\"s\" \"f\") [x k] y)"));
        assertEquals("call %init_peer_id% (x.$.a k) [] $out",
                displayAfterDefs("(call %init_peer_id% (x.$.a k) [] $out)"));
        assertEquals("canon \"p\" $s #c2", displayAfterDefs("(canon \"p\" $s #c2)"));
        assertEquals("canon x %m #%c2", displayAfterDefs("(canon x %m #%c2)"));
        assertEquals("canon %init_peer_id% %m obj", displayAfterDefs("(canon %init_peer_id% %m obj)"));
        assertEquals("ap x.$.[0] $out", displayAfterDefs("(ap x.$[0] $out)"));
        assertEquals("ap (\"key\" #cc.$.[1]) %m", displayAfterDefs("(ap (\"key\" #cc.$.[1]) %m)"));
        assertEquals("ap (-5 x) %m", displayAfterDefs("(ap (-05 x) %m)"));
        assertEquals("seq", display("(seq (null) (null))"));
        assertEquals("par", display("(par (null) (null))"));
        assertEquals("xor", display("(xor (null) (null))"));
        assertEquals("mismatch x []", displayAfterDefs("(mismatch x [] (null))"));
        assertEquals("fold x i", displayAfterDefs("(fold x i (next i))"));
        assertEquals("fold #%cm.$.k i", displayAfterDefs("(fold #%cm.$.k i (next i) (null))"));
        assertEquals("fold [] i", display("(fold [] i (null))"));
        assertEquals("fold $s i", displayAfterDefs("(fold $s i (next i))"));
        assertEquals("fold %m i", displayAfterDefs("(fold %m i (next i))"));
        assertEquals("next i", AirPrinter.instruction(((Instruction.FoldScalar) parse("(fold [] i (next i))")).body()));
        assertEquals("new #$c", display("(new #$c (null))"));
        assertEquals("never", display("(never)"));
        assertEquals("null", display("(null)"));
        assertEquals("fail #cc.$.[0]", displayAfterDefs("(fail #cc.$.[0])"));
        assertEquals("fail x.length", displayAfterDefs("(fail x.length)"));
    }

    @Test
    void valuesAsAquaVmPrintsThem() {
        assertEquals("%init_peer_id%", AirPrinter.value(arg("%init_peer_id%")));
        assertEquals(":error:.$.error_code", AirPrinter.value(arg(":error:.$.error_code")));
        assertEquals("%timestamp%", AirPrinter.value(arg("%timestamp%")));
        assertEquals("%ttl%", AirPrinter.value(arg("%ttl%")));
        assertEquals("\"a b\"", AirPrinter.value(arg("\"a b\"")));
        assertEquals("true", AirPrinter.value(arg("true")));
        assertEquals("[]", AirPrinter.value(arg("[]")));
        assertEquals("#%cm", AirPrinter.value(arg("#%cm")));
        // i64 and f64 as Rust's Display prints them
        assertEquals("7", AirPrinter.value(arg("+007")));
        assertEquals("0", AirPrinter.value(arg("-0")));
        assertEquals("1.5", AirPrinter.value(arg("+01.50")));
        assertEquals("2", AirPrinter.value(arg("2.0")));
        assertEquals("5", AirPrinter.value(arg("5.")));
        assertEquals("-0", AirPrinter.value(arg("-0.0")));
        assertEquals("0.000000001", AirPrinter.value(arg("0.000000001")));
        assertEquals("-12345678.9", AirPrinter.value(arg("-12345678.9")));
    }

    @Test
    void lensesNormalised() {
        assertEquals(".$.a.[0].[k]", AirPrinter.lens(((AirValue.ScalarWithLens) arg("x.$.a[0][k]!")).lens()));
        assertEquals(".$.a.b.[3]", AirPrinter.lens(((AirValue.ScalarWithLens) arg("x.$.a.b.[3]")).lens()));
        assertEquals(".length", AirPrinter.lens(((AirValue.CanonStreamWithLens) arg("#cc.length")).lens()));
    }

    @Test
    void scriptPrintingRoundTrips() throws AirParseException {
        String air = """
                (seq ; comment
                  (seq (call %init_peer_id% ("s" "f") [1.50 -0 "x y"] $s)
                       (ap (+7 $s.x) %m))
                  (xor (fold $s i (seq (canon "p" $s #c2) (next i)) (never))
                       (new %n (match :error:.$.m 1.0 (fail 1 "m")))))
                """.replace("$s.x", "\"v\"");
        Instruction first = parse(air);
        String printed = AirPrinter.script(first);
        assertEquals("(seq (seq (call %init_peer_id% (\"s\" \"f\") [1.50 -0 \"x y\"] $s) (ap (+7 \"v\") %m))"
                + " (xor (fold $s i (seq (canon \"p\" $s #c2) (next i)) (never)) (new %n (match :error:.$.m 1.0"
                + " (fail 1 \"m\")))))", printed);
        assertEquals(printed, AirPrinter.script(AirParser.parse(printed)));
    }
}
