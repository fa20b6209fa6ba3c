package dev.aurum.aquavm.air;

import java.util.List;

/**
 * A rejected AIR script: AquaVM's preparation error {@code AIRParseError} (ret_code 1). Carries every
 * error found, in a deterministic order; {@link #report()} renders them in the spirit of AquaVM's
 * codespan output, including the {@code air can't be parsed:} prefix.
 */
public final class AirParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<AirParseError> errors;
    private final String report;

    AirParseException(List<AirParseError> errors, String report) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an AirParseException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.report = report;
    }

    /** All errors, first the one that stopped parsing (or validator errors in AquaVM's check order). */
    public List<AirParseError> errors() {
        return errors;
    }

    /** The first error. */
    public AirParseError first() {
        return errors.get(0);
    }

    /** {@code air can't be parsed:\n} followed by a codespan-like rendering of every error. */
    public String report() {
        return report;
    }

    private static String summary(List<AirParseError> errors) {
        if (errors.isEmpty()) {
            return "air can't be parsed";
        }
        AirParseError e = errors.get(0);
        StringBuilder sb = new StringBuilder("air can't be parsed: ");
        sb.append(e.message()).append(" at script.air:").append(e.line()).append(':').append(e.column());
        if (errors.size() > 1) {
            sb.append(" (and ").append(errors.size() - 1).append(" more)");
        }
        return sb.toString();
    }
}
