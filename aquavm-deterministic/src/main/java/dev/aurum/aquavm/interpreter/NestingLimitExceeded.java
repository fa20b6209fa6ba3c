package dev.aurum.aquavm.interpreter;

/**
 * A run nested deeper than {@link Evaluator#MAX_NESTING}. Unchecked, like the stack overflow it stands in
 * for, so it passes the evaluator's per-instruction error handling ({@code %last_error%} is not set: the
 * run ends without data, as for any uncatchable error) and reaches {@link Interpreter}, which reports it.
 */
final class NestingLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NestingLimitExceeded(int limit) {
        super("execution nesting exceeds the interpreter's limit of " + limit + " levels");
    }
}
