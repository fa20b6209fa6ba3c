package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.interpreter.error.ErrorKind;

/** A failure before execution (preparation, verification): the run ends with prev data unchanged. */
final class PreparationError extends Exception {

    private static final long serialVersionUID = 1L;

    final ErrorKind kind;

    PreparationError(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }
}
