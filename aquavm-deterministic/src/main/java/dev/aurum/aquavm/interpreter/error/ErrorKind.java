package dev.aurum.aquavm.interpreter.error;

/**
 * Every error AquaVM 0.62 can report, with its numeric code: preparation errors (1..), catchable
 * execution errors (10000..), uncatchable execution errors (20000..) and farewell errors (30000..).
 * AquaVM derives a code from the variant's declaration index, so the order here is the contract.
 */
public enum ErrorKind {
    // preparation (base 1)
    AIR_PARSE_ERROR(1, Category.PREPARATION),
    DATA_DE_FAILED(2, Category.PREPARATION),
    ENVELOPE_DE_FAILED(3, Category.PREPARATION),
    ENVELOPE_DE_FAILED_WITH_VERSIONS(4, Category.PREPARATION),
    CALL_RESULTS_DE_FAILED(5, Category.PREPARATION),
    UNSUPPORTED_INTERPRETER_VERSION(6, Category.PREPARATION),
    MALFORMED_KEY_PAIR_DATA(7, Category.PREPARATION),
    CID_STORE_VERIFICATION_ERROR(8, Category.PREPARATION),
    DATA_SIGNATURE_CHECK_ERROR(9, Category.PREPARATION),
    SIZE_LIMITS_EXCEEDED(10, Category.PREPARATION),

    // catchable (base 10000)
    LOCAL_SERVICE_ERROR(10000, Category.CATCHABLE),
    MATCH_VALUES_NOT_EQUAL(10001, Category.CATCHABLE),
    MISMATCH_VALUES_EQUAL(10002, Category.CATCHABLE),
    VARIABLE_NOT_FOUND(10003, Category.CATCHABLE),
    INCOMPATIBLE_JVALUE_TYPE(10004, Category.CATCHABLE),
    FOLD_ITERATES_OVER_NON_ARRAY(10005, Category.CATCHABLE),
    USER_ERROR(10006, Category.CATCHABLE),
    LAMBDA_APPLIER_ERROR(10007, Category.CATCHABLE),
    INVALID_ERROR_OBJECT_ERROR(10008, Category.CATCHABLE),
    VARIABLE_WAS_NOT_INITIALIZED_AFTER_NEW(10009, Category.CATCHABLE),
    LENGTH_FUNCTOR_APPLIED_TO_NOT_ARRAY(10010, Category.CATCHABLE),
    NON_STRING_VALUE_IN_TRIPLET_RESOLUTION(10011, Category.CATCHABLE),
    STREAM_MAP_ERROR_CATCHABLE(10012, Category.CATCHABLE),

    // uncatchable (base 20000)
    TRACE_ERROR(20000, Category.UNCATCHABLE),
    GENERATION_COMPACTIFICATION_ERROR(20001, Category.UNCATCHABLE),
    INT_CONVERSION_ERROR(20002, Category.UNCATCHABLE),
    FOLD_STATE_NOT_FOUND(20003, Category.UNCATCHABLE),
    ITERABLE_SHADOWING(20004, Category.UNCATCHABLE),
    MULTIPLE_ITERABLE_VALUES(20005, Category.UNCATCHABLE),
    CALL_RESULT_NOT_CORRESPOND_TO_INSTR(20006, Category.UNCATCHABLE),
    SHADOWING_IS_NOT_ALLOWED(20007, Category.UNCATCHABLE),
    SCALARS_STATE_CORRUPTED(20008, Category.UNCATCHABLE),
    CID_ERROR(20009, Category.UNCATCHABLE),
    VALUE_FOR_CID_NOT_FOUND(20010, Category.UNCATCHABLE),
    STREAM_DONT_HAVE_SUCH_GENERATION(20011, Category.UNCATCHABLE),
    MALFORMED_CALL_SERVICE_FAILED(20012, Category.UNCATCHABLE),
    STREAM_SIZE_LIMIT_EXCEEDED(20013, Category.UNCATCHABLE),
    STREAM_MAP_KEY_ERROR(20014, Category.UNCATCHABLE),
    STREAM_MAP_ERROR(20015, Category.UNCATCHABLE),
    CANON_STREAM_MAP_ERROR(20016, Category.UNCATCHABLE),
    INSTRUCTION_PARAMETERS_MISMATCH(20017, Category.UNCATCHABLE),
    SIGNING_ERROR(20018, Category.UNCATCHABLE),
    TETRAPLET_SERIALIZATION_FAILED(20019, Category.UNCATCHABLE),
    CALL_ARGUMENTS_SERIALIZATION_FAILED(20020, Category.UNCATCHABLE),

    // farewell (base 30000)
    UNPROCESSED_CALL_RESULT(30000, Category.FAREWELL),
    FAREWELL_SIGNING_ERROR(30001, Category.FAREWELL);

    /** How an error of this kind ends a run. */
    public enum Category {
        PREPARATION, CATCHABLE, UNCATCHABLE, FAREWELL
    }

    private final int code;
    private final Category category;

    ErrorKind(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public boolean isCatchable() {
        return category == Category.CATCHABLE;
    }
}
