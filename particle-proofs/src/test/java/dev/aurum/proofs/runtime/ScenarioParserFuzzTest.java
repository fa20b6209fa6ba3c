package dev.aurum.proofs.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bounded, seeded mutation fuzzing of {@link ScenarioParser}: a scenario or a DecodeException, nothing else. */
class ScenarioParserFuzzTest {

    private static final int ITERATIONS = 3_000;
    private static final String ALPHABET = "{}[]\":,@.0123456789-eE tnfrualsx\\\u00e9";

    @Test
    void mutatedScenariosOnlyFailWithDecodeException() {
        String seed = BuiltinScenarios.json("fold-fanout");
        Random random = new Random(0x5ce7a210L);
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            StringBuilder s = new StringBuilder(seed);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            try {
                Scenario sc = ScenarioParser.parse(s.toString());
                sc.particle();
                parsed++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("scenario:") || expected.getMessage().startsWith("json:"),
                        expected.getMessage());
            }
        }
        assertTrue(parsed > 0 && parsed < ITERATIONS, "parsed " + parsed);
    }
}
