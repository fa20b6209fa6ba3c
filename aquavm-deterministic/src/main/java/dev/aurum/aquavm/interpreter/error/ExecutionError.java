package dev.aurum.aquavm.interpreter.error;

import java.util.Objects;

/**
 * An error raised while executing AIR. Catchable errors can be handled by {@code xor}; the rest end
 * the run. {@link #getMessage()} is AquaVM's {@code Display} text for the error. A variable that is
 * not defined yet ({@link ErrorKind#VARIABLE_NOT_FOUND}) is "joinable": instructions turn it into a wait.
 */
public final class ExecutionError extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public ExecutionError(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (kind.category() != ErrorKind.Category.CATCHABLE && kind.category() != ErrorKind.Category.UNCATCHABLE) {
            throw new IllegalArgumentException(kind + " is not an execution error");
        }
    }

    public ErrorKind kind() {
        return kind;
    }

    public int code() {
        return kind.code();
    }

    public boolean isCatchable() {
        return kind.isCatchable();
    }

    public boolean isJoinable() {
        return kind == ErrorKind.VARIABLE_NOT_FOUND;
    }

    /** match/mismatch failures set {@code :error:} but not {@code %last_error%}. */
    public boolean affectsLastError() {
        return isCatchable() && kind != ErrorKind.MATCH_VALUES_NOT_EQUAL && kind != ErrorKind.MISMATCH_VALUES_EQUAL;
    }

    public static ExecutionError catchable(ErrorKind kind, String message) {
        if (!kind.isCatchable()) {
            throw new IllegalArgumentException(kind + " is not catchable");
        }
        return new ExecutionError(kind, message);
    }

    public static ExecutionError uncatchable(ErrorKind kind, String message) {
        if (kind.category() != ErrorKind.Category.UNCATCHABLE) {
            throw new IllegalArgumentException(kind + " is not uncatchable");
        }
        return new ExecutionError(kind, message);
    }

    public static ExecutionError variableNotFound(String name) {
        return new ExecutionError(ErrorKind.VARIABLE_NOT_FOUND,
                "variable with name '" + name + "' wasn't defined during script execution");
    }

    public static ExecutionError notInitializedAfterNew(String name) {
        return new ExecutionError(ErrorKind.VARIABLE_WAS_NOT_INITIALIZED_AFTER_NEW,
                "variable with name '" + name + "' was cleared by new and then wasn't set");
    }

    public static ExecutionError lambda(String message) {
        return new ExecutionError(ErrorKind.LAMBDA_APPLIER_ERROR, message);
    }

    public static ExecutionError traceError(String instruction, String traceError) {
        return new ExecutionError(ErrorKind.TRACE_ERROR,
                "on instruction '" + instruction + "' trace handler encountered an error: " + traceError);
    }

    @Override
    public String toString() {
        return kind + "(" + kind.code() + "): " + getMessage();
    }
}
