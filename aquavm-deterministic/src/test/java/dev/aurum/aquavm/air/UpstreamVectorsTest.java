package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Known-answer vectors: the AIR scripts of AquaVM 0.62's own parser tests, with the outcomes those
 * tests assert (see the header of {@code air/upstream-parser-vectors.txt}).
 */
class UpstreamVectorsTest {

    private static final Set<AirParseError.Kind> VALIDATOR_KINDS = EnumSet.of(AirParseError.Kind.UNDEFINED_VARIABLE,
            AirParseError.Kind.UNDEFINED_ITERABLE, AirParseError.Kind.MULTIPLE_NEXT_IN_FOLD,
            AirParseError.Kind.ITERATOR_RESTRICTION_NOT_ALLOWED,
            AirParseError.Kind.MULTIPLE_ITERABLE_VALUES_FOR_ONE_ITERATOR,
            AirParseError.Kind.UNSUPPORTED_LITERAL_ERR_CODES, AirParseError.Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT);

    record Vector(String name, String expect, String script) {
    }

    static List<Vector> load() throws IOException {
        try (InputStream in = UpstreamVectorsTest.class.getResourceAsStream("/air/upstream-parser-vectors.txt")) {
            assertNotNull(in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Vector> out = new ArrayList<>();
            for (String block : text.split("\n### ")) {
                if (block.startsWith("#")) {
                    continue;
                }
                int nl1 = block.indexOf('\n');
                int nl2 = block.indexOf('\n', nl1 + 1);
                String name = block.substring(0, nl1);
                String expect = block.substring(nl1 + 1, nl2).substring("expect: ".length());
                out.add(new Vector(name, expect, block.substring(nl2 + 1)));
            }
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> upstreamParserTests() throws IOException {
        List<Vector> vectors = load();
        assertTrue(vectors.size() > 80, "vectors loaded: " + vectors.size());
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.name, () -> check(v)));
    }

    private static void check(Vector v) {
        AirParseException error = null;
        try {
            AirParser.parse(v.script);
        } catch (AirParseException e) {
            error = e;
        }
        switch (v.expect) {
            case "valid" -> {
                if (error != null) {
                    fail("expected valid:\n" + v.script + "\n" + error.report());
                }
            }
            case "grammar-ok" -> {
                if (error != null) {
                    for (AirParseError e : error.errors()) {
                        assertTrue(VALIDATOR_KINDS.contains(e.kind()), () -> "grammar error in " + v.script + "\n"
                                + e.kind() + ": " + e.message());
                    }
                }
            }
            default -> {
                String[] parts = v.expect.split(" x");
                if (error == null) {
                    fail("expected " + v.expect + " for\n" + v.script);
                }
                AirParseException e = error;
                assertEquals(AirParseError.Kind.valueOf(parts[0]), e.first().kind(), e::report);
                assertEquals(Integer.parseInt(parts[1]), e.errors().size(), e::report);
            }
        }
    }
}
