package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.CallResult;

/** A call state found in prev and/or current data, and the result position it will take. */
public record MergedCall(CallResult result, long tracePos, ValueSource source) {
}
