package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded fuzzing (a few seconds): generated well-formed scripts parse and print stably with
 * correct spans; broken scripts and token soup only ever raise {@link AirParseException}.
 */
class AirFuzzTest {

    private static final long SEED = 0x5EED_A1A1L;

    @Test
    void wellFormedScriptsParseWithExactSpansAndStablePrinting() {
        RandomAirGenerator g = new RandomAirGenerator(SEED);
        for (int i = 0; i < 1500; i++) {
            String air = g.wellFormed();
            Instruction ast;
            try {
                ast = AirParser.parse(air);
            } catch (AirParseException e) {
                fail("generated script #" + i + " rejected:\n" + air + "\n" + e.report());
                return;
            }
            checkSpans(air, ast);
            String printed = AirPrinter.script(ast);
            try {
                Instruction again = AirParser.parse(printed);
                assertEquals(printed, AirPrinter.script(again), air);
                assertEquals(countInstructions(ast), countInstructions(again));
            } catch (AirParseException e) {
                fail("printed form of #" + i + " rejected:\n" + printed + "\n" + e.report());
            }
        }
    }

    @Test
    void brokenScriptsOnlyRaiseTheTypedError() {
        RandomAirGenerator g = new RandomAirGenerator(SEED + 1);
        int rejected = 0;
        for (int i = 0; i < 4000; i++) {
            String air = i % 4 == 3 ? g.tokenSoup() : g.broken();
            if (!parsesOrFailsCleanly(air)) {
                rejected++;
            }
        }
        assertTrue(rejected > 2000, "most mutations should be rejected, were " + rejected);
    }

    @Test
    void randomCharactersOnlyRaiseTheTypedError() {
        java.util.Random rnd = new java.util.Random(SEED + 2);
        String alphabet = "()[]\";.$#%!:@ \n\t0123456789+-abcxyz_\u00e9\u4e2d\u00A0\u2028";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(60);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            parsesOrFailsCleanly(sb.toString());
        }
    }

    @Test
    void generatorIsDeterministic() {
        assertEquals(RandomAirGenerator.corpus(42, 30, 30), RandomAirGenerator.corpus(42, 30, 30));
        List<RandomAirGenerator.Case> corpus = RandomAirGenerator.corpus(7, 200, 50);
        long valid = corpus.stream().filter(RandomAirGenerator.Case::intendedValid).count();
        assertTrue(valid > 50 && valid < 150, "mix of valid and broken: " + valid);
    }

    /** True if it parsed; false if rejected with a well-formed error. Anything else fails the test. */
    private static boolean parsesOrFailsCleanly(String air) {
        int byteLength = air.getBytes(StandardCharsets.UTF_8).length;
        try {
            Instruction ast = AirParser.parse(air);
            String printed = AirPrinter.script(ast);
            assertEquals(printed, AirPrinter.script(AirParser.parse(printed)), air);
            return true;
        } catch (AirParseException e) {
            assertTrue(!e.errors().isEmpty());
            for (AirParseError err : e.errors()) {
                assertTrue(err.line() >= 1 && err.column() >= 1, air);
                assertTrue(err.span().right() <= byteLength, air);
            }
            assertTrue(e.report().startsWith("air can't be parsed:\n"));
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("untyped failure on: " + air, e);
        }
    }

    /** Every instruction span covers "(...)" and every variable span starts with its name. */
    private static void checkSpans(String air, Instruction root) {
        byte[] bytes = air.getBytes(StandardCharsets.UTF_8);
        Deque<Instruction> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Instruction ins = work.pop();
            Span s = ins.span();
            assertEquals('(', bytes[s.left()], air);
            assertEquals(')', bytes[s.right() - 1], air);
            for (AirValue v : operands(ins)) {
                if (v instanceof AirValue.Variable var) {
                    String text = new String(bytes, var.span().left(), var.span().right() - var.span().left(),
                            StandardCharsets.UTF_8);
                    assertTrue(text.startsWith(var.name()), () -> text + " vs " + var.name());
                }
            }
            for (Instruction child : children(ins)) {
                assertTrue(s.strictlyContains(child.span()));
                work.push(child);
            }
        }
    }

    private static List<AirValue> operands(Instruction ins) {
        if (ins instanceof Instruction.Call c) {
            List<AirValue> l = new java.util.ArrayList<>(c.arguments());
            l.add(c.triplet().peerId());
            l.add(c.triplet().serviceId());
            l.add(c.triplet().functionName());
            c.output().ifPresent(l::add);
            return l;
        } else if (ins instanceof Instruction.Ap a) {
            return List.of(a.argument(), a.result());
        } else if (ins instanceof Instruction.ApMap a) {
            return List.of(a.key(), a.value(), a.map());
        } else if (ins instanceof Instruction.Canon c) {
            return List.of(c.peerId(), c.stream(), c.canonStream());
        } else if (ins instanceof Instruction.CanonMap c) {
            return List.of(c.peerId(), c.streamMap(), c.canonStreamMap());
        } else if (ins instanceof Instruction.CanonStreamMapScalar c) {
            return List.of(c.peerId(), c.streamMap(), c.scalar());
        } else if (ins instanceof Instruction.FoldScalar f) {
            return List.of(f.iterable(), f.iterator());
        } else if (ins instanceof Instruction.FoldStream f) {
            return List.of(f.iterable(), f.iterator());
        } else if (ins instanceof Instruction.FoldStreamMap f) {
            return List.of(f.iterable(), f.iterator());
        } else if (ins instanceof Instruction.Next n) {
            return List.of(n.iterator());
        } else if (ins instanceof Instruction.New n) {
            return List.of(n.argument());
        } else if (ins instanceof Instruction.Match m) {
            return List.of(m.left(), m.right());
        } else if (ins instanceof Instruction.MisMatch m) {
            return List.of(m.left(), m.right());
        } else if (ins instanceof Instruction.Fail f) {
            return List.of(f.body());
        }
        return List.of();
    }

    private static List<Instruction> children(Instruction ins) {
        if (ins instanceof Instruction.Seq s) {
            return List.of(s.left(), s.right());
        } else if (ins instanceof Instruction.Par p) {
            return List.of(p.left(), p.right());
        } else if (ins instanceof Instruction.Xor x) {
            return List.of(x.left(), x.right());
        } else if (ins instanceof Instruction.Match m) {
            return List.of(m.body());
        } else if (ins instanceof Instruction.MisMatch m) {
            return List.of(m.body());
        } else if (ins instanceof Instruction.New n) {
            return List.of(n.body());
        } else if (ins instanceof Instruction.FoldScalar f) {
            return withLast(f.body(), f.last());
        } else if (ins instanceof Instruction.FoldStream f) {
            return withLast(f.body(), f.last());
        } else if (ins instanceof Instruction.FoldStreamMap f) {
            return withLast(f.body(), f.last());
        }
        return List.of();
    }

    private static List<Instruction> withLast(Instruction body, Optional<Instruction> last) {
        return last.map(l -> List.of(body, l)).orElse(List.of(body));
    }

    private static int countInstructions(Instruction root) {
        int n = 0;
        Deque<Instruction> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            n++;
            children(work.pop()).forEach(work::push);
        }
        return n;
    }
}
