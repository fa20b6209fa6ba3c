package dev.aurum.aquavm.json;

/** serde_json's syntax error codes with their exact message texts (serde_json 1.0 {@code ErrorCode}). */
enum SerdeError {
    EOF_WHILE_PARSING_LIST("EOF while parsing a list"),
    EOF_WHILE_PARSING_OBJECT("EOF while parsing an object"),
    EOF_WHILE_PARSING_STRING("EOF while parsing a string"),
    EOF_WHILE_PARSING_VALUE("EOF while parsing a value"),
    EXPECTED_COLON("expected `:`"),
    EXPECTED_LIST_COMMA_OR_END("expected `,` or `]`"),
    EXPECTED_OBJECT_COMMA_OR_END("expected `,` or `}`"),
    EXPECTED_SOME_IDENT("expected ident"),
    EXPECTED_SOME_VALUE("expected value"),
    INVALID_ESCAPE("invalid escape"),
    INVALID_NUMBER("invalid number"),
    NUMBER_OUT_OF_RANGE("number out of range"),
    INVALID_UNICODE_CODE_POINT("invalid unicode code point"),
    CONTROL_CHARACTER_WHILE_PARSING_STRING("control character (\\u0000-\\u001F) found while parsing a string"),
    KEY_MUST_BE_A_STRING("key must be a string"),
    LONE_LEADING_SURROGATE_IN_HEX_ESCAPE("lone leading surrogate in hex escape"),
    TRAILING_COMMA("trailing comma"),
    TRAILING_CHARACTERS("trailing characters"),
    UNEXPECTED_END_OF_HEX_ESCAPE("unexpected end of hex escape"),
    RECURSION_LIMIT_EXCEEDED("recursion limit exceeded");

    private final String message;

    SerdeError(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }
}
