package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.msgpack.MsgpackType;

/**
 * Reads a serde-derived struct the way rmp_serde accepts it: a map keyed by field names (unknown keys
 * skipped, a repeated or missing field is an error) or, rmp_serde's compact form, an array with exactly
 * one element per field in declaration order.
 */
final class StructReader {

    interface FieldReader {
        void read(int fieldIndex, String path) throws DecodeException;
    }

    private StructReader() {
    }

    static void read(MsgpackReader in, String path, String[] fields, FieldReader reader) throws DecodeException {
        int at = in.position();
        if (in.peekType(path) == MsgpackType.ARRAY) {
            int n = in.readArrayHeader(path);
            if (n != fields.length) {
                throw in.error(path, at, "invalid length " + n + ", expected a struct with " + fields.length + " fields");
            }
            for (int i = 0; i < n; i++) {
                reader.read(i, join(path, fields[i]));
            }
            return;
        }
        int n = in.readMapHeader(path);
        boolean[] seen = new boolean[fields.length];
        for (int e = 0; e < n; e++) {
            int keyAt = in.position();
            String key = in.readString(path);
            int index = indexOf(fields, key);
            if (index < 0) {
                in.skipValue(join(path, key));
                continue;
            }
            if (seen[index]) {
                throw in.error(path, keyAt, "duplicate field `" + key + "`");
            }
            seen[index] = true;
            reader.read(index, join(path, key));
        }
        for (int i = 0; i < fields.length; i++) {
            if (!seen[i]) {
                throw in.error(path, at, "missing field `" + fields[i] + "`");
            }
        }
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static int indexOf(String[] fields, String key) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
