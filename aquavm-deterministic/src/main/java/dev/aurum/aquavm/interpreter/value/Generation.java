package dev.aurum.aquavm.interpreter.value;

import dev.aurum.aquavm.interpreter.trace.ValueSource;

/** Where a stream value goes: a generation read from prev or current data, or this run's newest one. */
public record Generation(Kind kind, long index) {

    public static final Generation NEW = new Generation(Kind.NEW, 0);

    public enum Kind {
        PREVIOUS, CURRENT, NEW
    }

    public static Generation fromData(ValueSource source, long index) {
        return new Generation(source == ValueSource.CURRENT ? Kind.CURRENT : Kind.PREVIOUS, index);
    }
}
