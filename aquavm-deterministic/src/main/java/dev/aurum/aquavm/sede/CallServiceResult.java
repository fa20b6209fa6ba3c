package dev.aurum.aquavm.sede;

import java.util.Objects;

/**
 * The outcome of one service call handed back to AquaVM: {@code retCode} 0 for success, and
 * {@code result}, the service's return value as JSON text (e.g. {@code "\"hello\""} or {@code 10}).
 */
public record CallServiceResult(int retCode, String result) {

    public CallServiceResult {
        Objects.requireNonNull(result, "result");
    }

    public static CallServiceResult ok(String jsonText) {
        return new CallServiceResult(0, jsonText);
    }
}
