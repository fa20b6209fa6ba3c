package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of {@code %last_error%} or {@code :error:}: the error object, the tetraplet and provenance
 * it is read with, and (for {@code :error:}) the original catchable error, which {@code (fail :error:)}
 * re-raises unchanged.
 */
record InstructionError(JsonValue error, SecurityTetraplet tetraplet, Provenance provenance,
                        ExecutionError origCatchable) {

    /** {@code {"error_code": 0, "message": ""}}: no error yet. */
    static final InstructionError NO_ERROR;

    static {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("error_code", new JsonPosInt(0));
        m.put("message", new JsonString(""));
        NO_ERROR = new InstructionError(new JsonObject(m), null, Provenance.LITERAL, null);
    }

    InstructionError withOrigCatchable(ExecutionError e) {
        return new InstructionError(error, tetraplet, provenance, e);
    }

    /** The error object of an execution error; {@code peer_id} is present only when given. */
    static JsonObject errorObject(long code, String message, String instruction, String peerId) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("error_code", Values.integer(code));
        m.put("message", new JsonString(message));
        m.put("instruction", new JsonString(instruction));
        if (peerId != null) {
            m.put("peer_id", new JsonString(peerId));
        }
        return new JsonObject(m);
    }
}
