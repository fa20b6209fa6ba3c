package dev.aurum.aquavm.interpreter.trace;

/** Where a merged value came from; values found in both inputs count as previous. */
public enum ValueSource {
    PREVIOUS, CURRENT
}
