package dev.aurum.aquavm.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonValue}s byte for byte as serde_json 1.0 does: {@link #compact} as
 * {@code serde_json::to_vec}, {@link #pretty} as {@code serde_json::to_vec_pretty} (two-space indent,
 * {@code ": "} after keys, {@code []} and {@code {}} for empty containers). Strings escape only
 * {@code "}, backslash and U+0000..U+001F ({@code \b \t \n \f \r} by name, the others as a backslash-u
 * escape with four lower-case hex digits); {@code /}, U+007F and non-ASCII are written raw. Floats: {@link RyuFormat}.
 *
 * <p>Nesting is walked recursively; values come from the parsers (depth below 128) or from code.
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean pretty;
    private final ByteSink out;

    private JsonWriter(boolean pretty, ByteSink out) {
        this.pretty = pretty;
        this.out = out;
    }

    /** The compact JSON bytes of {@code value}, as {@code serde_json::to_vec}. */
    public static byte[] compact(JsonValue value) {
        JsonWriter w = new JsonWriter(false, new ByteSink());
        w.writeValue(value, 0);
        return w.out.toByteArray();
    }

    /** The pretty JSON bytes of {@code value}, as {@code serde_json::to_vec_pretty}. */
    public static byte[] pretty(JsonValue value) {
        JsonWriter w = new JsonWriter(true, new ByteSink());
        w.writeValue(value, 0);
        return w.out.toByteArray();
    }

    public static String toCompactString(JsonValue value) {
        return new String(compact(value), StandardCharsets.UTF_8);
    }

    public static String toPrettyString(JsonValue value) {
        return new String(pretty(value), StandardCharsets.UTF_8);
    }

    /** Appends the compact form of {@code value} to {@code sink} (for writers of larger structures). */
    public static void writeCompact(JsonValue value, ByteSink sink) {
        new JsonWriter(false, sink).writeValue(value, 0);
    }

    /** Appends a JSON string literal with serde_json's escaping. */
    public static void writeString(String s, ByteSink sink) {
        new JsonWriter(false, sink).writeStringLiteral(s);
    }

    private void writeValue(JsonValue value, int depth) {
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
        } else if (value instanceof JsonArray a) {
            writeArray(a.elements(), depth);
        } else if (value instanceof JsonObject o) {
            writeObject(o.members(), depth);
        } else {
            throw new IllegalArgumentException("unknown JSON value " + value);
        }
    }

    private void writeArray(List<JsonValue> elements, int depth) {
        out.write('[');
        if (elements.isEmpty()) {
            out.write(']');
            return;
        }
        boolean first = true;
        for (JsonValue element : elements) {
            if (!first) {
                out.write(',');
            }
            first = false;
            newlineAndIndent(depth + 1);
            writeValue(element, depth + 1);
        }
        newlineAndIndent(depth);
        out.write(']');
    }

    private void writeObject(Map<String, JsonValue> members, int depth) {
        out.write('{');
        if (members.isEmpty()) {
            out.write('}');
            return;
        }
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : members.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            newlineAndIndent(depth + 1);
            writeStringLiteral(member.getKey());
            out.writeAscii(pretty ? ": " : ":");
            writeValue(member.getValue(), depth + 1);
        }
        newlineAndIndent(depth);
        out.write('}');
    }

    private void newlineAndIndent(int depth) {
        if (pretty) {
            out.write('\n');
            for (int i = 0; i < depth; i++) {
                out.writeAscii("  ");
            }
        }
    }

    private void writeStringLiteral(String s) {
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
