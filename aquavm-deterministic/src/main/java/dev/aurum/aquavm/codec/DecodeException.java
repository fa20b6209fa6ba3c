package dev.aurum.aquavm.codec;

/**
 * Bad input met by a decoder. Every decoder in Aurum reports malformed bytes with this typed,
 * checked error instead of an unchecked exception: it names the format, the field path and the byte
 * offset where decoding stopped, so a user can find the broken spot.
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final String field;
    private final long offset;

    /**
     * @param format  the format being decoded, e.g. {@code msgpack}, {@code rkyv}, {@code cid}
     * @param field   the field path being decoded, e.g. {@code inner_data.trace[3]}; empty if unknown
     * @param offset  byte offset into the input, or -1 if not meaningful
     * @param problem what is wrong, in plain words
     */
    public DecodeException(String format, String field, long offset, String problem) {
        super(describe(format, field, offset, problem));
        this.format = format;
        this.field = field == null ? "" : field;
        this.offset = offset;
    }

    public String format() {
        return format;
    }

    public String field() {
        return field;
    }

    public long offset() {
        return offset;
    }

    private static String describe(String format, String field, long offset, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(format).append(": ").append(problem);
        if (field != null && !field.isEmpty()) {
            sb.append(" (field ").append(field).append(')');
        }
        if (offset >= 0) {
            sb.append(" at offset ").append(offset);
        }
        return sb.toString();
    }
}
