package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The corpus line format: defaults, every optional key, typed errors naming file, line and field, and a fuzz. */
class DiffScenarioFileTest {

    @Test
    void defaultsAndComments() throws DecodeException {
        List<DiffScenario> all = DiffScenarioFile.parse("t.jsonl", "// comment\n\n{\"name\":\"a\",\"air\":\"(null)\"}\n");
        assertEquals(1, all.size());
        DiffScenario s = all.get(0);
        assertEquals("t.jsonl:3", s.source());
        assertEquals(DiffScenario.DEFAULT_PEERS, s.peers());
        assertEquals("alice", s.init());
        assertEquals(60, s.maxSteps());
        assertEquals(DiffScenario.Limits.DEFAULT, s.limits());
        assertNull(s.tamper());
        assertTrue(s.exactMessage());
        assertTrue(s.expectCodes().isEmpty());
        assertFalse(s.referenceTraps());
    }

    @Test
    void everyOptionalKey() throws DecodeException {
        DiffScenario s = DiffScenarioFile.parseLine("f:1", "{\"name\":\"n\",\"air\":\"(null)\",\"peers\":[\"x\",\"y\"],"
                + "\"init\":\"y\",\"max_steps\":7,\"limits\":{\"air\":1,\"particle\":2,\"call_result\":3,\"hard\":true},"
                + "\"tamper\":{\"delivery\":2,\"kind\":\"foreign_key\"},\"message\":\"class\",\"expect\":[10001,1],"
                + "\"reference\":\"traps\"}");
        assertEquals(List.of("x", "y"), s.peers());
        assertEquals("y", s.init());
        assertEquals(7, s.maxSteps());
        assertEquals(new DiffScenario.Limits(1, 2, 3, true), s.limits());
        assertEquals(new DiffScenario.Tamper(2, DataTamper.Kind.FOREIGN_KEY), s.tamper());
        assertFalse(s.exactMessage());
        assertEquals(List.of(1L, 10001L), List.copyOf(s.expectCodes()));
        assertTrue(s.referenceTraps());
    }

    @Test
    void badLinesNameFileLineAndField() {
        assertProblem("{\"name\":\"n\"}", "f:9 air");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"colour\":1}", "f:9 colour");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"init\":\"zed\"}", "f:9 init");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"peers\":[\"a\",\"a\"]}", "f:9 peers[1]");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"max_steps\":0}", "f:9 max_steps");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"limits\":{\"hard\":1}}", "f:9 limits.hard");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"tamper\":{\"kind\":\"nuke\"}}", "f:9 tamper.kind");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"expect\":[-1]}", "f:9 expect[0]");
        assertProblem("{\"name\":\"n\",\"air\":\"\",\"message\":\"loose\"}", "f:9 message");
        assertProblem("[1]", "f:9");
        assertProblem("{\"name\":", "f:9");
    }

    private static void assertProblem(String line, String field) {
        DecodeException e = assertThrows(DecodeException.class, () -> DiffScenarioFile.parseLine("f:9", line));
        assertTrue(e.getMessage().contains(field), e.getMessage() + " should name " + field);
    }

    /** Seeded mutations of good lines: each parses or fails with a DecodeException, never anything else. */
    @Test
    void fuzzedLinesFailOnlyWithDecodeException() {
        String good = "{\"name\":\"n\",\"air\":\"(seq (null) (null))\",\"peers\":[\"alice\",\"bob\"],\"max_steps\":5,"
                + "\"limits\":{\"air\":10,\"hard\":false},\"tamper\":{\"delivery\":1,\"kind\":\"garbage\"},\"expect\":[0]}";
        Random rnd = new Random(7);
        int parsed = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(good);
            for (int m = 1 + rnd.nextInt(4); m > 0; m--) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, "{}[]\",:0-9e.ntf\\u"
                            .charAt(rnd.nextInt(17)));
                    default -> sb.setCharAt(at, (char) (0x20 + rnd.nextInt(0x5f)));
                }
            }
            try {
                DiffScenarioFile.parseLine("fuzz:" + i, sb.toString());
                parsed++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().contains("fuzz:" + i), expected.getMessage());
            }
        }
        assertTrue(parsed > 0 && parsed < 5_000, "some mutations still parse: " + parsed);
    }
}
