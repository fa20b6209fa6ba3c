package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;

import java.util.Objects;

/**
 * What a service returns to AquaVM: a ret code (0 = success) and the result as JSON text. A non-zero
 * ret code makes the AIR call fail with a catchable error whose message is the result.
 */
public record ServiceResult(int retCode, String resultJson) {

    public ServiceResult {
        Objects.requireNonNull(resultJson, "resultJson");
    }

    public static ServiceResult ok(JsonValue value) {
        return new ServiceResult(0, JsonWriter.toCompactString(value));
    }

    public static ServiceResult error(int retCode, String message) {
        if (retCode == 0) {
            throw new IllegalArgumentException("an error needs a non-zero ret code");
        }
        return new ServiceResult(retCode, JsonWriter.toCompactString(new JsonString(message)));
    }
}
