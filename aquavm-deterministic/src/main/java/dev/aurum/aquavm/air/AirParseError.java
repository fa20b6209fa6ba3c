package dev.aurum.aquavm.air;

import java.util.Objects;

/**
 * One reason an AIR script was rejected: its kind, the byte span it points at, the 1-based line and
 * column (in characters, as codespan-reporting counts them) of the span's start, and a message worded
 * like AquaVM's.
 */
public record AirParseError(Kind kind, Span span, int line, int column, String message) {

    public AirParseError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds AquaVM 0.62 distinguishes (lexer, parser and validator), plus Aurum's own limits. */
    public enum Kind {
        // lexer (air-parser lexer/errors.rs)
        UNCLOSED_QUOTE,
        IS_NOT_ALPHANUMERIC,
        EMPTY_TAGGED_NAME,
        EMPTY_CANON_NAME,
        INVALID_LENS_CHAR,
        UNALLOWED_CHAR_IN_NUMBER,
        PARSE_INT_ERROR,
        PARSE_FLOAT_ERROR,
        TOO_BIG_FLOAT,
        LEADING_DOT,
        LENS_PARSE_ERROR,
        // grammar (lalrpop ParseError)
        UNRECOGNIZED_TOKEN,
        UNRECOGNIZED_EOF,
        EXTRA_TOKEN,
        // validator (parser/validator.rs, parser/errors.rs)
        UNDEFINED_VARIABLE,
        UNDEFINED_ITERABLE,
        MULTIPLE_NEXT_IN_FOLD,
        ITERATOR_RESTRICTION_NOT_ALLOWED,
        MULTIPLE_ITERABLE_VALUES_FOR_ONE_ITERATOR,
        UNSUPPORTED_LITERAL_ERR_CODES,
        FOLD_HAS_INSTRUCTION_AFTER_NEXT,
        // Aurum's explicit limits and divergences
        SCRIPT_TOO_LARGE,
        NESTING_TOO_DEEP,
        /** Input on which AquaVM 0.62 panics (a Wasm trap) instead of reporting an error. */
        AQUAVM_PANICS
    }
}
