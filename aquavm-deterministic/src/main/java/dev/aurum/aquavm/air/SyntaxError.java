package dev.aurum.aquavm.air;

/** Internal: a lexer or grammar error that stops parsing; turned into an {@link AirParseException}. */
final class SyntaxError extends Exception {

    private static final long serialVersionUID = 1L;

    final AirParseError.Kind kind;
    final transient Span span;

    SyntaxError(AirParseError.Kind kind, Span span, String message) {
        super(message); // TeaVM has no (message, cause, suppression, stackTrace) constructor
        this.kind = kind;
        this.span = span;
    }
}
