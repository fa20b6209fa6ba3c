package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonParser;
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

    private static CallServiceFailed read(String json) throws ExecutionError, DecodeException {
        return CallServiceFailed.of(JsonParser.parse(json));
    }

    private static void assertMalformed(String serdeText, String json) {
        ExecutionError e = assertThrows(ExecutionError.class, () -> read(json), json);
        assertEquals(20012, e.code(), json);
        assertEquals("failed to deserialize to CallServiceFailed: " + serdeText, e.getMessage(), json);
    }
}
