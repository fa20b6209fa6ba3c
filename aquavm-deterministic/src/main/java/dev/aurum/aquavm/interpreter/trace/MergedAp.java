package dev.aurum.aquavm.interpreter.trace;

/** An ap state found in prev and/or current data: the generation it recorded and where it came from. */
public record MergedAp(long generation, ValueSource source) {
}
