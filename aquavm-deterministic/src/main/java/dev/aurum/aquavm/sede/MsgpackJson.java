package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonFloat;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.Utf8;
import dev.aurum.aquavm.msgpack.MsgpackInteger;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON values in MessagePack the way rmp_serde serialises AquaVM's {@code JValue} (a serde_json
 * {@code Value} clone): null as nil, u64 and i64 in their smallest int forms, floats as f64, strings,
 * arrays, and objects as maps with string keys in sorted order. Reading accepts what rmp_serde gives
 * that visitor: any int width, f32 or f64 (a non-finite float becomes null, like
 * {@code Number::from_f64}), maps with string keys (a repeated key keeps the last value); binary, ext
 * and non-string keys are errors.
 */
public final class MsgpackJson {

    private MsgpackJson() {
    }

    public static void write(JsonValue value, MsgpackWriter out) {
        if (value instanceof JsonNull) {
            out.writeNil();
        } else if (value instanceof JsonBool b) {
            out.writeBool(b.value());
        } else if (value instanceof JsonPosInt p) {
            out.writeUnsigned(p.bits());
        } else if (value instanceof JsonNegInt n) {
            out.writeSigned(n.value());
        } else if (value instanceof JsonFloat f) {
            out.writeFloat64(f.value());
        } else if (value instanceof JsonString s) {
            out.writeString(s.value());
        } else if (value instanceof JsonArray a) {
            out.writeArrayHeader(a.size());
            for (JsonValue element : a.elements()) {
                write(element, out);
            }
        } else if (value instanceof JsonObject o) {
            out.writeMapHeader(o.size());
            for (Map.Entry<String, JsonValue> member : o.members().entrySet()) {
                out.writeString(member.getKey());
                write(member.getValue(), out);
            }
        } else {
            throw new IllegalArgumentException("unknown JSON value " + value);
        }
    }

    public static JsonValue read(MsgpackReader in, String field) throws DecodeException {
        return read(in, field, MsgpackReader.DEFAULT_DEPTH_LIMIT);
    }

    /** Reads one value; containers deeper than {@code depthLimit} fail (rmp_serde's limit is 1024). */
    public static JsonValue read(MsgpackReader in, String field, int depthLimit) throws DecodeException {
        int at = in.position();
        switch (in.peekType(field)) {
            case NIL:
                in.readNil(field);
                return JsonNull.INSTANCE;
            case BOOLEAN:
                return JsonBool.of(in.readBool(field));
            case INTEGER: {
                MsgpackInteger i = in.readInteger(field);
                return i.negative() ? new JsonNegInt(i.bits()) : new JsonPosInt(i.bits());
            }
            case FLOAT:
                return JsonValue.of(in.readDouble(field));
            case STRING:
                return new JsonString(in.readString(field));
            case ARRAY: {
                checkDepth(in, field, at, depthLimit);
                int n = in.readArrayHeader(field);
                List<JsonValue> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(read(in, field + "[" + i + "]", depthLimit - 1));
                }
                return new JsonArray(elements);
            }
            case MAP: {
                checkDepth(in, field, at, depthLimit);
                int n = in.readMapHeader(field);
                TreeMap<String, JsonValue> members = new TreeMap<>(Utf8::compare);
                for (int i = 0; i < n; i++) {
                    if (in.peekType(field) != dev.aurum.aquavm.msgpack.MsgpackType.STRING) {
                        throw in.error(field, in.position(), "JSON object keys must be strings, found "
                                + in.peekType(field).label());
                    }
                    String key = in.readString(field);
                    members.put(key, read(in, field + "." + key, depthLimit - 1));
                }
                return new JsonObject(members);
            }
            case BINARY:
                throw in.error(field, at, "invalid type: byte array, expected any valid JSON value");
            default:
                throw in.error(field, at, "extension types are not JSON values");
        }
    }

    private static void checkDepth(MsgpackReader in, String field, int at, int depthLimit) throws DecodeException {
        if (depthLimit <= 1) {
            throw in.error(field, at, "depth limit exceeded");
        }
    }
}
