package dev.aurum.aquavm.air;

/**
 * A token of AquaVM's AIR lexer ({@code lexer/token.rs}). {@code text} is the literal's content or the
 * variable's name (with sigils); {@code lens} is set for the "with lens" kinds; {@code number} for numbers.
 */
record Token(Kind kind, Span span, String text, Lens lens, AirValue.Number number) {

    enum Kind {
        OPEN_ROUND("\"(\""),
        CLOSE_ROUND("\")\""),
        OPEN_SQUARE("\"[\""),
        CLOSE_SQUARE("\"]\""),
        STRING_LITERAL("Literal"),
        I64("I64"),
        F64("F64"),
        BOOLEAN("Boolean"),
        INIT_PEER_ID("InitPeerId"),
        LAST_ERROR("LastError"),
        LAST_ERROR_WITH_LENS("LastErrorWithLambda"),
        ERROR("Error"),
        ERROR_WITH_LENS("ErrorWithLambda"),
        TIMESTAMP("Timestamp"),
        TTL("TTL"),
        SCALAR("Scalar"),
        SCALAR_WITH_LENS("ScalarWithLambda"),
        STREAM("Stream"),
        STREAM_WITH_LENS("StreamWithLambda"),
        STREAM_MAP("StreamMap"),
        STREAM_MAP_WITH_LENS("StreamMapWithLambda"),
        CANON_STREAM("CanonStream"),
        CANON_STREAM_WITH_LENS("CanonStreamWithLambda"),
        CANON_STREAM_MAP("CanonStreamMap"),
        CANON_STREAM_MAP_WITH_LENS("CanonStreamMapWithLambda"),
        CALL("call"),
        CANON("canon"),
        AP("ap"),
        SEQ("seq"),
        PAR("par"),
        FAIL("fail"),
        FOLD("fold"),
        XOR("xor"),
        NEVER("never"),
        NEW("new"),
        NEXT("next"),
        NULL("null"),
        MATCH("match_"),
        MISMATCH("mismatch"),
        EOF("end of input");

        /** The terminal's name in {@code air.lalrpop}, used in "expected ..." messages. */
        final String grammarName;

        Kind(String grammarName) {
            this.grammarName = grammarName;
        }
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
