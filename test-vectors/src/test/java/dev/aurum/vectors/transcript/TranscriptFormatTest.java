package dev.aurum.vectors.transcript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TranscriptFormatTest {

    static InvokeLine sample() {
        RunParameters params = new RunParameters("12D3KooWinit", "12D3KooWcur", 1700000000123L, 60000, 0,
                new byte[32], "p-1", 100, 200, 300, true);
        InterpreterOutcome out = new InterpreterOutcome(10000, "line \"2\"\n\u00e9", new byte[] {1, (byte) 0xAB},
                List.of("12D3KooWb", "12D3KooWa"), new byte[] {(byte) 0x81, 4, (byte) 0x80}, false, true, false);
        return new InvokeLine("(call %init_peer_id% (\"s\" \"f\") [] x)", new byte[0], new byte[] {(byte) 0xFF},
                params, new byte[] {(byte) 0x81, 4, (byte) 0x80}, out);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentedFieldsInOrder() {
        assertEquals("{\"air\":\"(call %init_peer_id% (\\\"s\\\" \\\"f\\\") [] x)\",\"prev_data\":\"\",\"data\":\"ff\","
                + "\"params\":{\"init_peer_id\":\"12D3KooWinit\",\"current_peer_id\":\"12D3KooWcur\","
                + "\"timestamp\":1700000000123,\"ttl\":60000,\"key_format\":0,"
                + "\"secret_key_bytes\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"particle_id\":\"p-1\",\"air_size_limit\":100,\"particle_size_limit\":200,"
                + "\"call_result_size_limit\":300,\"hard_limit_enabled\":true},\"call_results\":\"810480\","
                + "\"out\":{\"ret_code\":10000,\"error_message\":\"line \\\"2\\\"\\n\u00e9\",\"data\":\"01ab\","
                + "\"next_peer_pks\":[\"12D3KooWb\",\"12D3KooWa\"],\"call_requests\":\"810480\","
                + "\"air_size_limit_exceeded\":false,\"particle_size_limit_exceeded\":true,"
                + "\"call_result_size_limit_exceeded\":false}}", TranscriptFormat.write(sample()));
    }

    @Test
    void parseInvertsWrite() throws DecodeException {
        String line = TranscriptFormat.write(sample());
        InvokeLine back = TranscriptFormat.parse(utf8(line));
        assertEquals(line, TranscriptFormat.write(back));
        assertEquals(sample().params(), back.params());
        assertEquals(sample().out(), back.out());
    }

    @Test
    void extraKeysAreIgnoredAndLimitFlagsAreOptional() throws DecodeException {
        String line = TranscriptFormat.write(sample())
                .replace("{\"air\"", "{\"host\":\"rust-peer\",\"air\"")
                .replace("\"ttl\":60000", "\"ttl\":60000,\"extra\":[1,2]")
                .replace(",\"air_size_limit_exceeded\":false,\"particle_size_limit_exceeded\":true,"
                        + "\"call_result_size_limit_exceeded\":false", ",\"elapsed_ms\":3");
        InvokeLine back = TranscriptFormat.parse(utf8(line));
        assertEquals(sample().params(), back.params());
        assertEquals(false, back.out().particleSizeLimitExceeded());
        assertArrayEquals(new byte[] {1, (byte) 0xAB}, back.out().data());
    }

    private static DecodeException parseError(String line) {
        return assertThrows(DecodeException.class, () -> TranscriptFormat.parse(utf8(line)));
    }

    @Test
    void badLinesNameTheField() {
        String good = TranscriptFormat.write(sample());
        assertEquals("params.ttl", parseError(good.replace("\"ttl\":60000,", "")).field());
        assertEquals("params.ttl", parseError(good.replace("\"ttl\":60000", "\"ttl\":4294967296")).field());
        assertEquals("params.timestamp", parseError(good.replace("1700000000123", "-1")).field());
        assertEquals("data", parseError(good.replace("\"data\":\"ff\"", "\"data\":\"FF\"")).field());
        assertEquals("out.data", parseError(good.replace("\"data\":\"01ab\"", "\"data\":\"01a\"")).field());
        assertEquals("out.next_peer_pks[1]", parseError(good.replace("\"12D3KooWa\"]", "7]")).field());
        assertEquals("out.ret_code", parseError(good.replace("10000", "1.5")).field());
        assertEquals("params.hard_limit_enabled", parseError(good.replace("\"hard_limit_enabled\":true", "\"hard_limit_enabled\":1")).field());
        assertEquals("out", parseError(good.substring(0, good.indexOf(",\"out\"")) + "}").field());
        assertEquals("invoke transcript: expected an object", parseError("[1,2]").getMessage());
        assertTrue(parseError(good.substring(0, 40)).getMessage().length() > 0);
    }

    @Test
    void parseAllNumbersLinesAndKeepsGoingAfterABadOne() {
        String good = TranscriptFormat.write(sample());
        byte[] file = utf8(good + "\r\n\n  \nnot json\n" + good);
        List<TranscriptFormat.Entry> entries = TranscriptFormat.parseAll(file);
        assertEquals(3, entries.size());
        assertEquals(1, entries.get(0).lineNumber());
        assertNotNull(entries.get(0).line());
        assertEquals(4, entries.get(1).lineNumber());
        assertNull(entries.get(1).line());
        assertNotNull(entries.get(1).error());
        assertEquals(5, entries.get(2).lineNumber());
        assertNotNull(entries.get(2).line());
    }

    /** Seeded, bounded fuzz: mutated lines either parse or fail with DecodeException, nothing else. */
    @Test
    void fuzzedLinesFailOnlyWithDecodeException() {
        byte[] good = utf8(TranscriptFormat.write(sample()));
        Random random = new Random(20261121L);
        int parsed = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] b = good.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                switch (random.nextInt(3)) {
                    case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                    default -> {
                        int at = random.nextInt(b.length + 1);
                        byte[] c = new byte[b.length + 1];
                        System.arraycopy(b, 0, c, 0, at);
                        c[at] = (byte) "{}[]\",:0a\\".charAt(random.nextInt(10));
                        System.arraycopy(b, at, c, at + 1, b.length - at);
                        b = c;
                    }
                }
                if (b.length == 0) {
                    break;
                }
            }
            try {
                TranscriptFormat.parse(b);
                parsed++;
            } catch (DecodeException expected) {
                assertNotNull(expected.getMessage());
            }
        }
        assertTrue(parsed < 4000, "mutations must break some lines");
    }
}
