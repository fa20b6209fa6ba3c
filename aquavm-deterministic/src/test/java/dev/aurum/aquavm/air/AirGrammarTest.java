package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.def;
import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static dev.aurum.aquavm.air.AirTestSupport.rejectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.air.AirParseError.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every production of air.lalrpop, accepted and rejected forms. */
class AirGrammarTest {

    /** Defines x (scalar), k, $s, %m, #cc, #%cm before the instruction under test. */
    private static Instruction body(String instruction) {
        Instruction root = parse("(seq (seq (seq " + def("x") + " " + def("k") + ") (seq " + def("$s")
                + " (seq (ap (\"a\" 1) %m) (seq (canon \"p\" $s #cc) (canon \"p\" %m #%cm))))) " + instruction + ")");
        return ((Instruction.Seq) root).right();
    }

    private static void rejectBody(String instruction, Kind kind) {
        rejectWith("(seq (seq (seq " + def("x") + " " + def("k") + ") (seq " + def("$s")
                + " (seq (ap (\"a\" 1) %m) (seq (canon \"p\" $s #cc) (canon \"p\" %m #%cm))))) " + instruction + ")",
                kind);
    }

    @Test
    void call() {
        Instruction.Call c = (Instruction.Call) body("(call %init_peer_id% (\"s\" \"f\") [x 1 \"l\"] out)");
        assertInstanceOf(AirValue.InitPeerId.class, c.triplet().peerId());
        assertEquals(new AirValue.Literal("s"), c.triplet().serviceId());
        assertEquals(3, c.arguments().size());
        assertEquals("out", c.output().orElseThrow().name());
        Instruction.Call noOut = (Instruction.Call) body("(call x.$.peer (k #cc.$.[0]) [])");
        assertEquals(Optional.empty(), noOut.output());
        assertInstanceOf(AirValue.ScalarWithLens.class, noOut.triplet().peerId());
        assertInstanceOf(AirValue.Scalar.class, noOut.triplet().serviceId());
        assertInstanceOf(AirValue.CanonStreamWithLens.class, noOut.triplet().functionName());
        Instruction.Call toStream = (Instruction.Call) body("(call #%cm.$.key (\"s\" #%cm.$.f) [] $out)");
        assertInstanceOf(AirValue.Stream.class, toStream.output().orElseThrow());
        assertInstanceOf(AirValue.CanonStreamMapWithLens.class, toStream.triplet().peerId());
        // every call-argument form
        Instruction.Call args = (Instruction.Call) body("(call \"p\" (\"s\" \"f\") [%init_peer_id% %last_error%"
                + " %last_error%.$.message :error: :error:.$.error_code \"lit\" %timestamp% %ttl% 1 -1.5 true false"
                + " [] x x.$.a #cc #cc.$.[0] #%cm #%cm.$.k])");
        assertEquals(19, args.arguments().size());
    }

    @Test
    void callRejections() {
        rejectBody("(call \"p\" (%init_peer_id% \"f\") [])", Kind.UNRECOGNIZED_TOKEN); // no init peer id as service
        rejectBody("(call \"p\" (\"s\" \"f\") [$s])", Kind.UNRECOGNIZED_TOKEN); // streams are not arguments
        rejectBody("(call \"p\" (\"s\" \"f\") [%m])", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(call \"p\" (\"s\" \"f\") [$st.$.a])", Kind.UNRECOGNIZED_TOKEN); // stream with lens
        rejectBody("(call \"p\" (\"s\" \"f\") [] #cc)", Kind.UNRECOGNIZED_TOKEN); // output is scalar or stream
        rejectBody("(call \"p\" (\"s\" \"f\") [] x.$.a)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(call #cc (\"s\" \"f\") [])", Kind.UNRECOGNIZED_TOKEN); // canon peer needs a lens
        rejectBody("(call 1 (\"s\" \"f\") [])", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(call \"p\" (\"s\" \"f\"))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(call \"p\" (\"s\") [])", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(call \"p\" (\"s\" \"f\") [[1]])", Kind.UNRECOGNIZED_TOKEN); // only [] arrays
    }

    @Test
    void canonForms() {
        assertInstanceOf(Instruction.Canon.class, body("(canon x $s #c2)"));
        assertInstanceOf(Instruction.CanonMap.class, body("(canon \"p\" %m #%cm2)"));
        Instruction.CanonStreamMapScalar s = (Instruction.CanonStreamMapScalar) body("(canon #cc.$.[0] %m obj)");
        assertEquals("obj", s.scalar().name());
        rejectBody("(canon \"p\" $s obj)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(canon \"p\" $s #%cm3)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(canon \"p\" %m #c3)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(canon \"p\" x #c3)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(canon %init_peer_id% $s)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void apForms() {
        for (String arg : List.of("%init_peer_id%", "%last_error%", "%last_error%.$.m", ":error:", ":error:.$.m",
                "%timestamp%", "%ttl%", "\"l\"", "1", "1.5", "true", "[]", "x", "x.$.a", "#cc", "#cc.$.[0]",
                "#%cm.$.k")) {
            Instruction.Ap ap = (Instruction.Ap) body("(ap " + arg + " $out)");
            assertEquals("$out", ap.result().name());
        }
        rejectBody("(ap #%cm $out)", Kind.UNRECOGNIZED_TOKEN); // bare canon map is not an ap argument
        rejectBody("(ap $s $out)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap x #c9)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap x %m)", Kind.UNRECOGNIZED_TOKEN); // a map needs the (key value) form
    }

    @Test
    void apMapKeyForms() {
        for (String key : List.of("\"lit\"", "-5", "x", "x.$.a", "#cc.$.[0]")) {
            Instruction.ApMap ap = (Instruction.ApMap) body("(ap (" + key + " x) %m)");
            assertEquals("%m", ap.map().name());
        }
        assertEquals(new AirValue.Int(-5, "-5"), ((Instruction.ApMap) body("(ap (-5 x) %m)")).key());
        rejectBody("(ap (1.5 x) %m)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap (#cc x) %m)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap (%init_peer_id% x) %m)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap (#%cm.$.a x) %m)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap (\"k\" x) $s)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(ap (\"k\" x) x)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void seqParXorMatchNeverNull() {
        assertInstanceOf(Instruction.Par.class, body("(par (null) (never))"));
        assertInstanceOf(Instruction.Xor.class, body("(xor (null) (never))"));
        Instruction.Match m = (Instruction.Match) body("(match x \"a\" (null))");
        assertEquals(new AirValue.Literal("a"), m.right());
        assertInstanceOf(Instruction.MisMatch.class, body("(mismatch #%cm [] (null))"));
        rejectBody("(seq (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(seq (null) (null) (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(match $s 1 (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(match 1 (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(never x)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(nul)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void failForms() {
        assertEquals(new AirValue.FailLiteral(1337, "error message"),
                ((Instruction.Fail) body("(fail 1337 \"error message\")")).body());
        assertInstanceOf(AirValue.Scalar.class, ((Instruction.Fail) body("(fail x)")).body());
        assertInstanceOf(AirValue.ScalarWithLens.class, ((Instruction.Fail) body("(fail x.$.e)")).body());
        assertInstanceOf(AirValue.CanonStreamWithLens.class, ((Instruction.Fail) body("(fail #cc.$.[0])")).body());
        assertEquals(new AirValue.LastError(Optional.empty()), ((Instruction.Fail) body("(fail %last_error%)")).body());
        assertEquals(new AirValue.InstructionError(Optional.empty()), ((Instruction.Fail) body("(fail :error:)")).body());
        rejectBody("(fail %last_error%.$.message)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail :error:.$.message)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail \"msg\")", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail 1)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail 1.5 \"m\")", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail #cc)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail #%cm.$.a)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fail $s)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void foldForms() {
        String[] iterables = {"x", "x.$.list", "#cc", "#%cm", "#%cm.$.key", "[]"};
        for (String iterable : iterables) {
            Instruction.FoldScalar f = (Instruction.FoldScalar) body("(fold " + iterable + " i (next i))");
            assertEquals("i", f.iterator().name());
            assertTrue(f.last().isEmpty());
            Instruction.FoldScalar g = (Instruction.FoldScalar) body("(fold " + iterable + " i (next i) (null))");
            assertInstanceOf(Instruction.Null.class, g.last().orElseThrow());
        }
        assertInstanceOf(AirValue.EmptyArray.class, ((Instruction.FoldScalar) body("(fold [] i (null))")).iterable());
        Instruction.FoldStream s = (Instruction.FoldStream) body("(fold $s i (seq (null) (next i)) (never))");
        assertEquals("$s", s.iterable().name());
        assertInstanceOf(Instruction.FoldStreamMap.class, body("(fold %m i (next i))"));
        rejectBody("(fold $st.$.a i (next i))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fold #cc.$.[0] i (next i))", Kind.UNRECOGNIZED_TOKEN); // canon stream with lens
        rejectBody("(fold \"l\" i (next i))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fold x $i (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fold x i)", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(fold x i (null) (null) (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(next $i)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void newForms() {
        for (String name : List.of("n", "$n", "%n", "#n", "#$n", "#%n")) {
            Instruction.New n = (Instruction.New) body("(new " + name + " (null))");
            assertEquals(name, n.argument().name());
        }
        rejectBody("(new x.$.a (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(new \"x\" (null))", Kind.UNRECOGNIZED_TOKEN);
        rejectBody("(new $n)", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void wholeScriptShape() {
        rejectWith("", Kind.UNRECOGNIZED_EOF);
        rejectWith("  ; only a comment", Kind.UNRECOGNIZED_EOF);
        rejectWith("(null) (null)", Kind.EXTRA_TOKEN);
        rejectWith("(null", Kind.UNRECOGNIZED_EOF);
        rejectWith("null", Kind.UNRECOGNIZED_TOKEN);
        rejectWith("((null))", Kind.UNRECOGNIZED_TOKEN);
        rejectWith(")", Kind.UNRECOGNIZED_TOKEN);
    }

    @Test
    void forkJoinSeedExampleParses() {
        String air = """
                (seq
                  (par
                    (call "provider_1" ("prices" "get") [] price_1)
                    (call "provider_2" ("prices" "get") [] price_2)
                  )
                  (seq
                    (call "average" ("average_service" "calc") [price_1 price_2] avg_price)
                    (call "user" ("recieve_service" "show") [avg_price])
                  )
                )
                """;
        Instruction.Seq root = (Instruction.Seq) parse(air);
        Instruction.Seq tail = (Instruction.Seq) root.right();
        assertEquals("call \"user\" (\"recieve_service\" \"show\") [avg_price] ", AirPrinter.instruction(tail.right()));
        assertEquals("call \"average\" (\"average_service\" \"calc\") [price_1 price_2] avg_price",
                AirPrinter.instruction(tail.left()));
        assertEquals(air.substring(root.span().left(), root.span().right()), air.strip());
    }
}
