package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonFloat;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A failed call's stored value is read as serde_json::from_value reads it into AquaVM's
 * CallServiceFailed. The string and map texts were produced by avm.wasm 0.62.0 (the corpus'
 * {@code scalar to failed} scenarios in test-vectors compare every case below against it).
 */
class CallServiceFailedTest {

    @Test
    void readsTheMapAndTheSequenceForm() throws Exception {
        assertEquals(new CallServiceFailed(5, "m"), read("{\"ret_code\": 5, \"message\": \"m\", \"extra\": []}"));
        assertEquals(new CallServiceFailed(-7, ""), read("[-7, \"\"]"));
        assertEquals(new CallServiceFailed(Integer.MAX_VALUE, "x"), read("{\"ret_code\": 2147483647, \"message\": \"x\"}"));
        assertEquals(new CallServiceFailed(Integer.MIN_VALUE, "x"), read("[-2147483648, \"x\"]"));
    }

    @Test
    void otherShapesAreMalformedWithSerdesText() {
        assertMalformed("invalid type: string \"bob\", expected struct CallServiceFailed", "\"bob\"");
        assertMalformed("invalid type: string \"a\\\"b\\\\c\\n\", expected struct CallServiceFailed", "\"a\\\"b\\\\c\\n\"");
        assertMalformed("invalid type: null, expected struct CallServiceFailed", "null");
        assertMalformed("invalid type: boolean `true`, expected struct CallServiceFailed", "true");
        assertMalformed("invalid type: integer `5`, expected struct CallServiceFailed", "5");
        assertMalformed("invalid type: integer `-5`, expected struct CallServiceFailed", "-5");
        assertMalformed("invalid type: floating point `1.5`, expected struct CallServiceFailed", "1.5");
        assertMalformed("missing field `ret_code`", "{\"message\": \"m\"}");
        assertMalformed("missing field `ret_code`", "{}");
        assertMalformed("missing field `message`", "{\"ret_code\": 1}");
        // keys are met in sorted order: message before ret_code
        assertMalformed("invalid type: integer `1`, expected a string", "{\"ret_code\": \"x\", \"message\": 1}");
        assertMalformed("invalid type: string \"x\", expected i32", "{\"ret_code\": \"x\"}");
        assertMalformed("invalid value: integer `3000000000`, expected i32", "{\"ret_code\": 3000000000, \"message\": \"m\"}");
        assertMalformed("invalid value: integer `-3000000000`, expected i32", "{\"ret_code\": -3000000000}");
        assertMalformed("invalid type: floating point `2`, expected i32", "{\"ret_code\": 2.0, \"message\": \"m\"}");
        assertMalformed("invalid type: map, expected i32", "[{}, \"m\"]");
        assertMalformed("invalid type: sequence, expected a string", "[1, []]");
        assertMalformed("invalid length 0, expected struct CallServiceFailed with 2 elements", "[]");
        assertMalformed("invalid length 1, expected struct CallServiceFailed with 2 elements", "[1]");
        assertMalformed("invalid length 3, expected fewer elements in array", "[1, \"m\", 2]");
    }

    @Test
    void floatsPrintAsRustDisplaysThemWithoutExponentOrPointZero() {
        assertEquals("1", RustText.display(1.0));
        assertEquals("-2.5", RustText.display(-2.5));
        assertEquals("123.456", RustText.display(123.456));
        assertEquals("0.0001", RustText.display(0.0001));
        assertEquals("0.0000001", RustText.display(1e-7));
        assertEquals("10000000000000000", RustText.display(1e16));
        assertEquals("15" + "0".repeat(299), RustText.display(1.5e300));
        assertEquals("0", RustText.display(0.0));
        assertEquals("-0", RustText.display(-0.0));
        assertEquals("0.000123", RustText.display(1.23e-4));
    }

    /** Seeded: any JSON value either reads or is a typed 20012; a well-formed map or pair always reads back. */
    @Test
    void fuzzedValuesReadOrFailTyped() throws Exception {
        Random random = new Random(20261121);
        for (int i = 0; i < 20_000; i++) {
            JsonValue v = randomValue(random, 3);
            try {
                CallServiceFailed.of(v);
            } catch (ExecutionError e) {
                assertEquals(20012, e.code(), v.toString());
                assertTrue(e.getMessage().startsWith("failed to deserialize to CallServiceFailed: "), e.getMessage());
            }
            int code = random.nextInt();
            String message = randomString(random);
            Map<String, JsonValue> members = new LinkedHashMap<>();
            members.put("ret_code", code < 0 ? new JsonNegInt(code) : new JsonPosInt(code));
            members.put("message", new JsonString(message));
            members.put("x" + i, v);
            assertEquals(new CallServiceFailed(code, message), CallServiceFailed.of(new JsonObject(members)));
            assertEquals(new CallServiceFailed(code, message), CallServiceFailed.of(new JsonArray(List.of(
                    members.get("ret_code"), members.get("message")))));
        }
    }

    private static JsonValue randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        switch (kind) {
            case 0: return JsonNull.INSTANCE;
            case 1: return new JsonBool(random.nextBoolean());
            case 2: return new JsonPosInt(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(Integer.MAX_VALUE));
            case 3: return new JsonNegInt(-1 - (random.nextBoolean() ? random.nextInt(Integer.MAX_VALUE) : random.nextLong() & Long.MAX_VALUE));
            case 4: return new JsonFloat(random.nextBoolean() ? random.nextDouble() * 1e6 - 5e5
                    : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
            case 5:
            case 6: return new JsonString(randomString(random));
            case 7: {
                List<JsonValue> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(random.nextInt(3) == 0 ? new JsonPosInt(random.nextInt(9)) : randomValue(random, depth - 1));
                }
                return new JsonArray(items);
            }
            default: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                String[] keys = {"ret_code", "message", "other"};
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.put(keys[random.nextInt(keys.length)], randomValue(random, depth - 1));
                }
                return new JsonObject(members);
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            sb.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x30) : 0x20 + random.nextInt(0x3000)));
        }
        return sb.toString();
    }

    private static CallServiceFailed read(String json) throws ExecutionError, DecodeException {
        return CallServiceFailed.of(JsonParser.parse(json));
    }

    private static void assertMalformed(String serdeText, String json) {
        ExecutionError e = assertThrows(ExecutionError.class, () -> read(json), json);
        assertEquals(20012, e.code(), json);
        assertEquals("failed to deserialize to CallServiceFailed: " + serdeText, e.getMessage(), json);
    }
}
