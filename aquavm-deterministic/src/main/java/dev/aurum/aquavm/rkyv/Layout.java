package dev.aurum.aquavm.rkyv;

/**
 * Sizes of the archived types (rkyv 0.7.43, {@code size_32}, {@code archive_be}, {@code strict}).
 * Every archived struct here has alignment 4; strings and byte slices have alignment 1. See
 * {@code docs/formats.md}, section "rkyv InterpreterData", for the field offsets.
 */
final class Layout {

    static final int ALIGN = 4;
    /** {@code RelPtr<str>} / {@code RelPtr<[u8]>} / {@code ArchivedVec}: i32 offset + u32 length. */
    static final int FAT_PTR = 8;
    /** {@code RelPtr<T>} of a sized T ({@code ArchivedRc<T>}). */
    static final int THIN_PTR = 4;
    static final int ARCHIVED_STRING = 8;
    static final int STRING_INLINE_CAPACITY = 7;

    static final int INTERPRETER_DATA = 60;
    static final int EXECUTED_STATE = 24;
    static final int FOLD_LORE = 12;
    static final int SUBTRACE_DESC = 8;
    static final int GENERATION = 4;
    /** Entry{CID key, Rc value} of every CID store. */
    static final int STORE_ENTRY = 12;
    static final int SIGNATURE_ENTRY = 16;
    static final int RAW_VALUE = 8;
    static final int TETRAPLET = 32;
    static final int CANON_ELEMENT = 28;
    static final int CANON_RESULT = 16;
    static final int SERVICE_RESULT = 24;

    private Layout() {
    }
}
