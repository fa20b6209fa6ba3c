package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code call_requests} AquaVM returns: multiformat msgpack ({@code 81 04}) of a map from a
 * <em>u32</em> call id to {@code {"service_id": str, "function_name": str, "arguments": bin,
 * "tetraplets": bin}}. {@code arguments} holds plain msgpack of the argument array (JSON values as
 * {@link MsgpackJson}); {@code tetraplets} plain msgpack of one array of
 * {@code {peer_pk, service_id, function_name, lens}} maps per argument. Ids are written in ascending order.
 * Bytes after a top-level value are ignored, as rmp_serde does.
 */
public final class CallRequests {

    private static final String FORMAT = "call_requests";
    private static final String[] FIELDS = {"service_id", "function_name", "arguments", "tetraplets"};
    private static final String[] TETRAPLET_FIELDS = {"peer_pk", "service_id", "function_name", "lens"};

    private CallRequests() {
    }

    /** @param requests by call id, each in {@code [0, 2^32-1]} */
    public static byte[] encode(Map<Long, CallRequestParams> requests) {
        TreeMap<Long, CallRequestParams> sorted = new TreeMap<>(requests);
        MsgpackWriter w = new MsgpackWriter();
        w.writeRaw(Multiformat.prefix(Multiformat.CODEC_MSGPACK));
        w.writeMapHeader(sorted.size());
        for (Map.Entry<Long, CallRequestParams> e : sorted.entrySet()) {
            long id = e.getKey();
            if (id < 0 || id > 0xffffffffL) {
                throw new IllegalArgumentException("call id " + id + " is not a u32");
            }
            CallRequestParams p = e.getValue();
            w.writeUnsigned(id);
            w.writeMapHeader(4);
            w.writeString("service_id").writeString(p.serviceId());
            w.writeString("function_name").writeString(p.functionName());
            w.writeString("arguments").writeBinary(encodeArguments(p.arguments()));
            w.writeString("tetraplets").writeBinary(encodeTetraplets(p.tetraplets()));
        }
        return w.toByteArray();
    }

    public static SortedMap<Long, CallRequestParams> decode(byte[] data) throws DecodeException {
        MsgpackReader in = new MsgpackReader(data, Multiformat.payloadStart(data, Multiformat.CODEC_MSGPACK, FORMAT),
                FORMAT);
        int n = in.readMapHeader("");
        TreeMap<Long, CallRequestParams> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long id = in.readUint32("<call id>");
            String path = Long.toString(id);
            Object[] values = new Object[4];
            StructReader.read(in, path, FIELDS, (field, fieldPath) -> {
                switch (field) {
                    case 0, 1 -> values[field] = in.readString(fieldPath);
                    case 2 -> values[field] = decodeArguments(in.readBinary(fieldPath), fieldPath);
                    default -> values[field] = decodeTetraplets(in.readBinary(fieldPath), fieldPath);
                }
            });
            @SuppressWarnings("unchecked")
            List<JsonValue> arguments = (List<JsonValue>) values[2];
            @SuppressWarnings("unchecked")
            List<List<SecurityTetraplet>> tetraplets = (List<List<SecurityTetraplet>>) values[3];
            out.put(id, new CallRequestParams((String) values[0], (String) values[1], arguments, tetraplets));
        }
        return out;
    }

    /** Plain msgpack of the argument array (the bytes inside {@code arguments}). */
    public static byte[] encodeArguments(List<JsonValue> arguments) {
        MsgpackWriter w = new MsgpackWriter();
        w.writeArrayHeader(arguments.size());
        for (JsonValue a : arguments) {
            MsgpackJson.write(a, w);
        }
        return w.toByteArray();
    }

    public static List<JsonValue> decodeArguments(byte[] bytes, String path) throws DecodeException {
        MsgpackReader in = new MsgpackReader(bytes, 0, FORMAT + ".arguments");
        int n = in.readArrayHeader(path);
        List<JsonValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MsgpackJson.read(in, path + "[" + i + "]"));
        }
        return out;
    }

    /** Plain msgpack of the per-argument tetraplet lists (the bytes inside {@code tetraplets}). */
    public static byte[] encodeTetraplets(List<List<SecurityTetraplet>> tetraplets) {
        MsgpackWriter w = new MsgpackWriter();
        w.writeArrayHeader(tetraplets.size());
        for (List<SecurityTetraplet> perArgument : tetraplets) {
            w.writeArrayHeader(perArgument.size());
            for (SecurityTetraplet t : perArgument) {
                w.writeMapHeader(4);
                w.writeString("peer_pk").writeString(t.peerPk());
                w.writeString("service_id").writeString(t.serviceId());
                w.writeString("function_name").writeString(t.functionName());
                w.writeString("lens").writeString(t.lens());
            }
        }
        return w.toByteArray();
    }

    public static List<List<SecurityTetraplet>> decodeTetraplets(byte[] bytes, String path) throws DecodeException {
        MsgpackReader in = new MsgpackReader(bytes, 0, FORMAT + ".tetraplets");
        int n = in.readArrayHeader(path);
        List<List<SecurityTetraplet>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String argPath = path + "[" + i + "]";
            int m = in.readArrayHeader(argPath);
            List<SecurityTetraplet> perArgument = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                String[] f = new String[4];
                StructReader.read(in, argPath + "[" + j + "]", TETRAPLET_FIELDS,
                        (field, fieldPath) -> f[field] = in.readString(fieldPath));
                perArgument.add(new SecurityTetraplet(f[0], f[1], f[2], f[3]));
            }
            out.add(perArgument);
        }
        return out;
    }
}
