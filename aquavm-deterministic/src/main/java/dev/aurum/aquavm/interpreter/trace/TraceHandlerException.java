package dev.aurum.aquavm.interpreter.trace;

/**
 * A merge or state-machine failure of the trace handler (AquaVM's {@code TraceHandlerError}): prev and
 * current data disagree, or a par/fold state describes sizes the trace cannot hold. The evaluator turns
 * it into the uncatchable {@code TraceError} (20000). Messages follow AquaVM's {@code Display} texts.
 */
public final class TraceHandlerException extends Exception {

    private static final long serialVersionUID = 1L;

    public TraceHandlerException(String message) {
        super(message, null, false, false);
    }
}
