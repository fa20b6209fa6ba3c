package dev.aurum.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aurum.aquavm.air.AirParser;
import org.junit.jupiter.api.Test;

class ParserScriptsTest {

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theLargeScriptParsesAndHasTheStatedSize() throws Exception {
        String script = ParserScripts.large(ParserScripts.LARGE_CALLS);
        assertNotNull(AirParser.parse(script));
        int calls = count(script, "(call ");
        int joins = count(script, "(seq") + count(script, "(par");
        int instructions = calls + joins + count(script, "(xor") + count(script, "(null)");
        assertEquals(ParserScripts.LARGE_CALLS, calls);
        assertEquals(calls - 1, joins, "a binary tree over the calls");
        assertEquals(9_999, instructions);
    }

    @Test
    void theSmallScriptParses() throws Exception {
        assertNotNull(AirParser.parse(ParserScripts.SMALL));
        assertEquals(13, count(ParserScripts.SMALL, "(call ") + count(ParserScripts.SMALL, "(seq")
                + count(ParserScripts.SMALL, "(par") + count(ParserScripts.SMALL, "(xor") + count(ParserScripts.SMALL, "(ap ")
                + count(ParserScripts.SMALL, "(canon "));
    }
}
