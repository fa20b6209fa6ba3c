package dev.aurum.aquavm.sede;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SedeTest {

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** msgpack fixstr of ASCII text, written out independently of MsgpackWriter. */
    private static String str(String ascii) {
        return String.format("%02x", 0xa0 | ascii.length()) + hex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Known answer from the real engine (avm-wasm-abi.md section 4). */
    @Test
    void callResultsVectorFromTheRealEngine() throws Exception {
        String vector = "810481a13182a87265745f636f646500a6726573756c74a72268656c6c6f22";
        SortedMap<String, CallServiceResult> decoded = CallResults.decode(bytes(vector));
        assertEquals(Map.of("1", new CallServiceResult(0, "\"hello\"")), decoded);
        assertEquals(vector, hex(CallResults.encode(decoded)));
        assertEquals("810480", hex(CallResults.encode(Map.of())));
        assertEquals(Map.of(), CallResults.decode(bytes("810480")));
    }

    @Test
    void callResultsAreWrittenInNumericIdOrder() throws Exception {
        Map<String, CallServiceResult> results = new LinkedHashMap<>();
        results.put("10", CallServiceResult.ok("1"));
        results.put("2", new CallServiceResult(-5, "\"e\""));
        results.put("1", CallServiceResult.ok("[]"));
        byte[] encoded = CallResults.encode(results);
        String expected = "8104" + "83"
                + str("1") + "82" + str("ret_code") + "00" + str("result") + str("[]")
                + str("2") + "82" + str("ret_code") + "fb" + str("result") + str("\"e\"")
                + str("10") + "82" + str("ret_code") + "00" + str("result") + str("1");
        assertEquals(expected, hex(encoded));
        assertEquals(List.of("1", "2", "10"), List.copyOf(CallResults.decode(encoded).keySet()));
    }

    @Test
    void callResultsAcceptWhatRmpSerdeAccepts() throws Exception {
        // Struct as a two-element array, fields in another order, unknown fields, wide ints.
        assertEquals(new CallServiceResult(7, "1"),
                CallResults.decode(bytes("8104" + "81" + str("3") + "92" + "07" + str("1"))).get("3"));
        assertEquals(new CallServiceResult(-1, "x"), CallResults.decode(bytes("8104" + "81" + str("3") + "83"
                + str("result") + str("x") + str("extra") + "93c0c0c0" + str("ret_code") + "d3ffffffffffffffff")).get("3"));
        // Trailing bytes after the map are ignored, as rmp_serde::from_slice does.
        assertEquals(Map.of(), CallResults.decode(bytes("810480ff")));
    }

    @Test
    void callResultsRejectBadInput() {
        assertProblem("unsupported codec 0x200", "800480");
        assertProblem("empty input", "");
        assertProblem("not minimal", "818400");
        assertProblem("missing field `result`", "8104" + "81" + str("1") + "81" + str("ret_code") + "00");
        assertProblem("duplicate field `ret_code`", "8104" + "81" + str("1") + "83" + str("ret_code") + "00"
                + str("ret_code") + "00" + str("result") + str("x"));
        assertProblem("out of range", "8104" + "81" + str("1") + "82" + str("ret_code") + "ce80000000" + str("result") + str("x"));
        assertProblem("expected string but found integer", "8104" + "81" + "01" + "80");
    }

    private static void assertProblem(String problem, String hex) {
        DecodeException e = assertThrows(DecodeException.class, () -> CallResults.decode(bytes(hex)));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals("call_results", e.format());
    }

    @Test
    void callRequestsRoundTripAndExactBytes() throws Exception {
        SecurityTetraplet t = new SecurityTetraplet("p", "", "", "");
        CallRequestParams params = new CallRequestParams("s", "f", List.of(JsonValue.of(1L)), List.of(List.of(t)));
        byte[] encoded = CallRequests.encode(Map.of(1L, params));
        String arguments = "9101";
        String tetraplets = "9191" + "84" + str("peer_pk") + str("p") + str("service_id") + "a0"
                + str("function_name") + "a0" + str("lens") + "a0";
        String expected = "8104" + "81" + "01" + "84" + str("service_id") + str("s") + str("function_name") + str("f")
                + str("arguments") + "c402" + arguments + str("tetraplets")
                + String.format("c4%02x", tetraplets.length() / 2) + tetraplets;
        assertEquals(expected, hex(encoded));
        assertEquals(Map.of(1L, params), CallRequests.decode(encoded));
        assertEquals("810480", hex(CallRequests.encode(Map.of())));
    }

    @Test
    void argumentsCarryEveryJsonKind() throws Exception {
        JsonValue all = JsonParser.parse("[null,true,false,0,127,128,-1,-33,-129,18446744073709551615,"
                + "-9223372036854775808,1.5,-0.0,1e300,\"\",\"é\",[],[[1]],{},{\"b\":1,\"a\":[2]}]");
        List<JsonValue> args = all.asArray();
        TreeMap<Long, CallRequestParams> requests = new TreeMap<>();
        requests.put(4294967295L, new CallRequestParams("svc", "fn", args, List.of(List.of(), List.of(
                new SecurityTetraplet("12D3KooW", "svc", "fn", ".$.a"), SecurityTetraplet.literal("x")))));
        requests.put(0L, new CallRequestParams("", "", List.of(), List.of()));
        SortedMap<Long, CallRequestParams> decoded = CallRequests.decode(CallRequests.encode(requests));
        assertEquals(requests, decoded);
        assertEquals(List.of(0L, 4294967295L), List.copyOf(decoded.keySet()));
        // Non-negative signed values are written as unsigned, like rmp's write_sint.
        assertEquals("93" + "00" + "cc80" + "d0df", hex(CallRequests.encodeArguments(
                List.of(JsonValue.of(0L), JsonValue.of(128L), JsonValue.of(-33L)))));
        assertEquals("91" + "82" + str("a") + "02" + str("b") + "01",
                hex(CallRequests.encodeArguments(List.of(JsonParser.parse("{\"b\":1,\"a\":2}")))));
    }

    @Test
    void argumentDecodingFollowsRmpSerdeIntoJValue() throws Exception {
        List<JsonValue> args = CallRequests.decodeArguments(bytes("94" + "ca3fc00000" + "cb7ff8000000000000" + "d005"
                + "82" + str("k") + "01" + str("k") + "02"), "arguments");
        assertEquals(List.of(JsonValue.of(1.5), JsonValue.nul(), JsonValue.of(5L),
                JsonValue.object(Map.of("k", JsonValue.of(2L)))), args);
        assertEquals(JsonNumber.ofLong(5), args.get(2));
        DecodeException e = assertThrows(DecodeException.class,
                () -> CallRequests.decodeArguments(bytes("91c40100"), "arguments"));
        assertTrue(e.getMessage().contains("byte array"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> CallRequests.decodeArguments(bytes("918101c0"), "arguments"));
        assertTrue(e.getMessage().contains("keys must be strings"), e.getMessage());
        byte[] deep = new byte[1100];
        java.util.Arrays.fill(deep, (byte) 0x91);
        e = assertThrows(DecodeException.class, () -> CallRequests.decodeArguments(deep, "arguments"));
        assertTrue(e.getMessage().contains("depth limit"), e.getMessage());
    }

    @Test
    void callRequestKeysMustBeU32() {
        DecodeException e = assertThrows(DecodeException.class,
                () -> CallRequests.decode(bytes("8104" + "81" + "cf0000000100000000" + "80")));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> CallRequests.decode(bytes("8104" + "81" + str("1") + "80")));
        assertEquals("call_requests", e.format());
    }

    @Test
    void envelopeExactBytesAndLenientKeyOrder() throws Exception {
        DataEnvelope envelope = new DataEnvelope("0.17.2", "0.62.0", new byte[] {1, 2, 3});
        String expected = "83" + str("version") + str("0.17.2") + str("interpreter_version") + str("0.62.0")
                + str("inner_data") + "c403010203";
        assertEquals(expected, hex(envelope.encode()));
        assertEquals(envelope, DataEnvelope.decode(bytes(expected)));
        DataEnvelope reordered = DataEnvelope.decode(bytes("84" + str("inner_data") + "c40101" + str("x") + "c0"
                + str("interpreter_version") + str("0.64.1") + str("version") + str("0.17.2")));
        assertEquals(new DataEnvelope("0.17.2", "0.64.1", new byte[] {1}), reordered);
        byte[] inner = {9};
        DataEnvelope copy = new DataEnvelope("0.17.2", "0.62.0", inner);
        inner[0] = 0;
        assertEquals(9, copy.innerData()[0]);
        assertNotSame(copy.innerData(), copy.innerData());
        assertTrue(envelope.isInterpreterVersionSupported());
        assertFalse(new DataEnvelope("0.17.2", "0.60.9", new byte[0]).isInterpreterVersionSupported());
    }

    @Test
    void envelopeRejectsBadInput() {
        assertEnvelopeProblem("missing field `inner_data`", "82" + str("version") + str("0.17.2")
                + str("interpreter_version") + str("0.62.0"));
        assertEnvelopeProblem("duplicate field `version`", "82" + str("version") + str("0.17.2") + str("version") + str("0.17.2"));
        assertEnvelopeProblem("leading zeros", "83" + str("version") + str("0.017.2") + str("interpreter_version")
                + str("0.62.0") + str("inner_data") + "c400");
        assertEnvelopeProblem("expected binary but found string", "83" + str("version") + str("0.17.2")
                + str("interpreter_version") + str("0.62.0") + str("inner_data") + str("x"));
        assertEnvelopeProblem("empty input", "");
        assertEnvelopeProblem("exceeds", "81" + str("inner_data") + "c6ffffffff");
    }

    private static void assertEnvelopeProblem(String problem, String hex) {
        DecodeException e = assertThrows(DecodeException.class, () -> DataEnvelope.decode(bytes(hex)));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals("data_envelope", e.format());
    }

    @Test
    void semverOrderAndParsing() throws Exception {
        String[] ascending = {"0.60.9", "0.61.0-rc.1", "0.61.0", "0.61.0+build", "0.62.0", "1.0.0-alpha", "1.0.0-alpha.1",
            "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "10.0.0"};
        for (int i = 0; i + 1 < ascending.length; i++) {
            SemVer a = SemVer.parse(ascending[i]);
            SemVer b = SemVer.parse(ascending[i + 1]);
            assertTrue(a.compareTo(b) < 0, a + " < " + b);
            assertTrue(b.compareTo(a) > 0);
            assertEquals(ascending[i], a.toString());
        }
        for (String bad : new String[] {"01.0.0", "1.0", "1.0.0-", "1.0.0-01", "1.0.0+", "a.b.c", "1.0.0-a..b", "1.0.0 "}) {
            assertThrows(DecodeException.class, () -> SemVer.parse(bad), bad);
        }
        assertEquals(SemVer.MIN_SUPPORTED_INTERPRETER, SemVer.parse("0.61.0"));
    }

    @Test
    void multiformatPrefixes() throws Exception {
        assertEquals("8104", hex(Multiformat.prefix(Multiformat.CODEC_MSGPACK)));
        assertEquals("8004", hex(Multiformat.prefix(Multiformat.CODEC_JSON)));
        assertEquals(2, Multiformat.payloadStart(bytes("80047b7d"), Multiformat.CODEC_JSON, "x"));
        assertArrayEquals(bytes("8004" + "7b7d"), Multiformat.wrap(Multiformat.CODEC_JSON, "{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(DecodeException.class, () -> Multiformat.payloadStart(bytes("ffffffffff0f"), Multiformat.CODEC_JSON, "x"));
    }

    /** Bounded seeded fuzz over all sede decoders: mutated valid encodings fail only with DecodeException. */
    @Test
    void fuzzDecoders() throws Exception {
        Random random = new Random(2024);
        byte[] results = CallResults.encode(Map.of("1", CallServiceResult.ok("\"hello\""), "22", new CallServiceResult(3, "[1]")));
        byte[] requests = CallRequests.encode(Map.of(7L, new CallRequestParams("s", "f",
                JsonParser.parse("[1,-2,3.5,\"x\",{\"a\":[null]}]").asArray(), List.of(List.of(SecurityTetraplet.literal("p"))))));
        byte[] envelope = new DataEnvelope("0.17.2", "0.62.0", new byte[] {1, 2, 3, 4}).encode();
        byte[][] seeds = {results, requests, envelope};
        int decodedCount = 0;
        for (int i = 0; i < 30000; i++) {
            int which = random.nextInt(3);
            byte[] input = seeds[which].clone();
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
            }
            try {
                switch (which) {
                    case 0 -> CallResults.encode(CallResults.decode(input));
                    case 1 -> CallRequests.encode(CallRequests.decode(input));
                    default -> DataEnvelope.decode(input).encode();
                }
                decodedCount++;
            } catch (DecodeException expected) {
                assertTrue(expected.offset() >= -1 && expected.offset() <= input.length, expected.getMessage());
            }
        }
        assertTrue(decodedCount > 0);
    }
}
