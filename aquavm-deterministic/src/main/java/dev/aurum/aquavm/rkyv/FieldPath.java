package dev.aurum.aquavm.rkyv;

/**
 * The path of the field being decoded, e.g. {@code trace[3].call.executed}. An immutable chain that
 * is only turned into text when an error is reported, so decoding does not build strings per field.
 */
final class FieldPath {

    static final FieldPath ROOT = new FieldPath(null, null, -1);

    private final FieldPath parent;
    private final String name;
    private final long index;

    private FieldPath(FieldPath parent, String name, long index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    FieldPath field(String fieldName) {
        return new FieldPath(this, fieldName, -1);
    }

    FieldPath index(long i) {
        return new FieldPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent == null) {
            return;
        }
        parent.append(sb);
        if (name != null) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(name);
        } else {
            sb.append('[').append(index).append(']');
        }
    }
}
