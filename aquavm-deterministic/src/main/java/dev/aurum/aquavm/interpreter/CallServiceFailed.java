package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonFloat;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.List;

/**
 * The stored value of a failed call, read back as AquaVM 0.62 reads it: {@code serde_json::from_value}
 * into {@code struct CallServiceFailed { ret_code: i32, message: String }} (serde's derive: unknown
 * keys ignored, keys met in sorted order, the sequence form {@code [ret_code, message]} accepted). A value
 * of another shape is uncatchable {@code MalformedCallServiceFailed} (20012) with serde's error text.
 */
record CallServiceFailed(int retCode, String message) {

    private static final String STRUCT = "struct CallServiceFailed";

    static CallServiceFailed of(JsonValue v) throws ExecutionError {
        String problem;
        if (v instanceof JsonObject o) {
            problem = null;
            // serde_json's map is a BTreeMap: "message" is met before "ret_code"
            JsonValue message = o.get("message");
            JsonValue retCode = o.get("ret_code");
            if (message != null && !(message instanceof JsonString)) {
                problem = invalidType(message, "a string");
            } else if (retCode != null) {
                problem = i32Problem(retCode);
            }
            if (problem == null && retCode == null) {
                problem = "missing field `ret_code`";
            } else if (problem == null && message == null) {
                problem = "missing field `message`";
            }
            if (problem == null) {
                return new CallServiceFailed(i32(retCode), ((JsonString) message).value());
            }
        } else if (v instanceof JsonArray a) {
            problem = sequenceProblem(a.elements());
            if (problem == null) {
                return new CallServiceFailed(i32(a.get(0)), ((JsonString) a.get(1)).value());
            }
        } else {
            problem = invalidType(v, STRUCT);
        }
        throw ExecutionError.uncatchable(ErrorKind.MALFORMED_CALL_SERVICE_FAILED,
                "failed to deserialize to CallServiceFailed: " + problem);
    }

    private static String sequenceProblem(List<JsonValue> elements) {
        if (elements.isEmpty()) {
            return "invalid length 0, expected " + STRUCT + " with 2 elements";
        }
        String problem = i32Problem(elements.get(0));
        if (problem != null) {
            return problem;
        }
        if (elements.size() == 1) {
            return "invalid length 1, expected " + STRUCT + " with 2 elements";
        }
        if (!(elements.get(1) instanceof JsonString)) {
            return invalidType(elements.get(1), "a string");
        }
        return elements.size() > 2 ? "invalid length " + elements.size() + ", expected fewer elements in array" : null;
    }

    /** Why {@code v} is no i32, or null. */
    private static String i32Problem(JsonValue v) {
        if (v instanceof JsonPosInt p) {
            return p.bits() >= 0 && p.bits() <= Integer.MAX_VALUE ? null
                    : "invalid value: " + unexpected(v) + ", expected i32";
        }
        if (v instanceof JsonNegInt n) {
            return n.value() >= Integer.MIN_VALUE ? null : "invalid value: " + unexpected(v) + ", expected i32";
        }
        return invalidType(v, "i32");
    }

    private static int i32(JsonValue v) {
        return v instanceof JsonPosInt p ? (int) p.bits() : (int) ((JsonNegInt) v).value();
    }

    private static String invalidType(JsonValue v, String expected) {
        return "invalid type: " + unexpected(v) + ", expected " + expected;
    }

    /** serde's {@code Unexpected} Display of a serde_json value, as avm.wasm 0.62 prints it. */
    private static String unexpected(JsonValue v) {
        if (v instanceof JsonNull) {
            return "null";
        }
        if (v instanceof JsonBool b) {
            return "boolean `" + b.value() + "`";
        }
        if (v instanceof JsonPosInt p) {
            return "integer `" + Long.toUnsignedString(p.bits()) + "`";
        }
        if (v instanceof JsonNegInt n) {
            return "integer `" + n.value() + "`";
        }
        if (v instanceof JsonFloat f) {
            return "floating point `" + RustText.display(f.value()) + "`";
        }
        if (v instanceof JsonString s) {
            return "string " + RustText.debug(s.value());
        }
        return v instanceof JsonArray ? "sequence" : "map";
    }
}
