package dev.aurum.aquavm.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes JSON byte for byte as serde_json 1.0 does, either compact ({@code serde_json::to_vec}) or pretty
 * ({@code to_vec_pretty}: two-space indent, {@code ": "} after keys, one element per line, {@code []}
 * and {@code {}} for empty containers). Strings escape only {@code "}, backslash and U+0000..U+001F
 * ({@code \b \t \n \f \r} by name, the others as a backslash-u escape with four lower-case hex digits);
 * {@code /}, U+007F and non-ASCII are written raw. Floats use {@link RyuFormat}.
 *
 * <p>Besides the one-shot {@link #compact}/{@link #pretty} of a {@link JsonValue} (whose object keys are
 * sorted), the instance API streams arbitrary structure, which is how Rust structs are written: their
 * fields appear in declaration order, not sorted (e.g. a tetraplet is
 * {@code {"peer_pk":..,"service_id":..,"function_name":..,"lens":..}}).
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int ARRAY = 1;
    private static final int OBJECT = 2;

    private final boolean pretty;
    private final ByteSink out;
    private int[] kinds = new int[16];
    private boolean[] hasValue = new boolean[16];
    private int depth;
    private boolean afterName;
    private boolean topLevelWritten;

    private JsonWriter(boolean pretty, ByteSink out) {
        this.pretty = pretty;
        this.out = out;
    }

    /** A streaming writer producing compact JSON. */
    public static JsonWriter compactWriter() {
        return new JsonWriter(false, new ByteSink());
    }

    /** A streaming writer producing serde_json's pretty JSON. */
    public static JsonWriter prettyWriter() {
        return new JsonWriter(true, new ByteSink());
    }

    /** The compact JSON bytes of {@code value}, as {@code serde_json::to_vec}. */
    public static byte[] compact(JsonValue value) {
        return compactWriter().value(value).toByteArray();
    }

    /** The pretty JSON bytes of {@code value}, as {@code serde_json::to_vec_pretty}. */
    public static byte[] pretty(JsonValue value) {
        return prettyWriter().value(value).toByteArray();
    }

    public static String toCompactString(JsonValue value) {
        return new String(compact(value), StandardCharsets.UTF_8);
    }

    public static String toPrettyString(JsonValue value) {
        return new String(pretty(value), StandardCharsets.UTF_8);
    }

    /** Appends a JSON string literal with serde_json's escaping (the interpreter's CID helpers use it). */
    public static void writeString(String s, ByteSink sink) {
        new JsonWriter(false, sink).writeStringLiteral(s);
    }

    // ---- streaming API -------------------------------------------------------------------------------

    public JsonWriter beginArray() {
        beforeValue();
        out.write('[');
        push(ARRAY);
        return this;
    }

    public JsonWriter endArray() {
        return end(ARRAY, ']');
    }

    public JsonWriter beginObject() {
        beforeValue();
        out.write('{');
        push(OBJECT);
        return this;
    }

    public JsonWriter endObject() {
        return end(OBJECT, '}');
    }

    /** The next member's key; must be followed by exactly one value. */
    public JsonWriter name(String key) {
        if (depth == 0 || kinds[depth - 1] != OBJECT || afterName) {
            throw new IllegalStateException("a name is only allowed inside an object, before a value");
        }
        separator();
        writeStringLiteral(key);
        out.writeAscii(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        beforeValue();
        writeStringLiteral(s);
        return this;
    }

    /** Writes a value tree at the current position (objects in their sorted key order). */
    public JsonWriter value(JsonValue value) {
        if (value instanceof JsonArray a) {
            beginArray();
            for (JsonValue element : a.elements()) {
                value(element);
            }
            return endArray();
        }
        if (value instanceof JsonObject o) {
            beginObject();
            for (Map.Entry<String, JsonValue> member : o.members().entrySet()) {
                name(member.getKey());
                value(member.getValue());
            }
            return endObject();
        }
        beforeValue();
        if (value instanceof JsonNull) {
            out.writeAscii("null");
        } else if (value instanceof JsonBool b) {
            out.writeAscii(b.value() ? "true" : "false");
        } else if (value instanceof JsonPosInt p) {
            out.writeAscii(Long.toUnsignedString(p.bits()));
        } else if (value instanceof JsonNegInt n) {
            out.writeAscii(Long.toString(n.value()));
        } else if (value instanceof JsonFloat f) {
            out.writeAscii(RyuFormat.format(f.value()));
        } else if (value instanceof JsonString s) {
            writeStringLiteral(s.value());
        } else {
            throw new IllegalArgumentException("unknown JSON value " + value);
        }
        return this;
    }

    /** The bytes written; every container must be closed. */
    public byte[] toByteArray() {
        if (depth != 0 || !topLevelWritten) {
            throw new IllegalStateException("incomplete JSON: " + depth + " open containers");
        }
        return out.toByteArray();
    }

    // ---- layout ------------------------------------------------------------------------------------

    private void beforeValue() {
        if (depth == 0) {
            if (topLevelWritten) {
                throw new IllegalStateException("only one top-level value may be written");
            }
            topLevelWritten = true;
            return;
        }
        if (kinds[depth - 1] == OBJECT) {
            if (!afterName) {
                throw new IllegalStateException("an object member needs a name before its value");
            }
            afterName = false;
            return;
        }
        separator();
    }

    /** serde's begin_array_value / begin_object_key: a comma after the first element, then the indent. */
    private void separator() {
        if (hasValue[depth - 1]) {
            out.write(',');
        }
        hasValue[depth - 1] = true;
        if (pretty) {
            newlineAndIndent(depth);
        }
    }

    private void push(int kind) {
        if (depth == kinds.length) {
            kinds = Arrays.copyOf(kinds, depth * 2);
            hasValue = Arrays.copyOf(hasValue, depth * 2);
        }
        kinds[depth] = kind;
        hasValue[depth] = false;
        depth++;
    }

    private JsonWriter end(int kind, char close) {
        if (depth == 0 || kinds[depth - 1] != kind || afterName) {
            throw new IllegalStateException("mismatched end of " + (kind == ARRAY ? "array" : "object"));
        }
        depth--;
        if (pretty && hasValue[depth]) {
            newlineAndIndent(depth);
        }
        out.write(close);
        return this;
    }

    private void newlineAndIndent(int level) {
        out.write('\n');
        for (int i = 0; i < level; i++) {
            out.writeAscii("  ");
        }
    }

    private void writeStringLiteral(String s) {
        if (Utf8.firstLoneSurrogate(s) >= 0) {
            throw new IllegalArgumentException("string with a lone surrogate cannot be written as UTF-8");
        }
        byte[] bytes = Utf8.encode(s);
        out.write('"');
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            String named = escapeName(b);
            if (named == null && b >= 0x20) {
                continue;
            }
            out.write(bytes, start, i - start);
            if (named != null) {
                out.writeAscii(named);
            } else {
                out.writeAscii("\\u00").write(HEX[b >> 4]).write(HEX[b & 0xf]);
            }
            start = i + 1;
        }
        out.write(bytes, start, bytes.length - start);
        out.write('"');
    }

    private static String escapeName(int b) {
        switch (b) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\b': return "\\b";
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\f': return "\\f";
            case '\r': return "\\r";
            default: return null;
        }
    }
}
