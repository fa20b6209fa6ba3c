package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.msgpack.MsgpackWriter;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code call_results} argument of AquaVM's invoke: multiformat msgpack ({@code 81 04}) of a map
 * from the call id as a <em>string</em> to {@code {"ret_code": i32, "result": string}}. "No results" is
 * {@code 81 04 80}. Rust writes a HashMap in random order; we write ids in numeric order (non-numeric ids
 * after them, by byte order) so the bytes are deterministic. A repeated id keeps the last entry, and
 * bytes after the map are ignored, as rmp_serde does.
 */
public final class CallResults {

    /** Numeric ids by value, then any other ids by UTF-8 byte order. */
    public static final Comparator<String> CALL_ID_ORDER = CallResults::compareIds;

    private static final String FORMAT = "call_results";
    private static final String[] FIELDS = {"ret_code", "result"};

    private CallResults() {
    }

    public static byte[] encode(Map<String, CallServiceResult> results) {
        TreeMap<String, CallServiceResult> sorted = new TreeMap<>(CALL_ID_ORDER);
        sorted.putAll(results);
        MsgpackWriter w = new MsgpackWriter();
        w.writeRaw(Multiformat.prefix(Multiformat.CODEC_MSGPACK));
        w.writeMapHeader(sorted.size());
        for (Map.Entry<String, CallServiceResult> e : sorted.entrySet()) {
            w.writeString(e.getKey());
            w.writeMapHeader(2);
            w.writeString("ret_code").writeSigned(e.getValue().retCode());
            w.writeString("result").writeString(e.getValue().result());
        }
        return w.toByteArray();
    }

    public static SortedMap<String, CallServiceResult> decode(byte[] data) throws DecodeException {
        MsgpackReader in = new MsgpackReader(data, Multiformat.payloadStart(data, Multiformat.CODEC_MSGPACK, FORMAT),
                FORMAT);
        int n = in.readMapHeader("");
        TreeMap<String, CallServiceResult> out = new TreeMap<>(CALL_ID_ORDER);
        for (int i = 0; i < n; i++) {
            String id = in.readString("<call id>");
            int[] retCode = new int[1];
            String[] result = new String[1];
            StructReader.read(in, id, FIELDS, (field, path) -> {
                if (field == 0) {
                    retCode[0] = in.readInt32(path);
                } else {
                    result[0] = in.readString(path);
                }
            });
            out.put(id, new CallServiceResult(retCode[0], result[0]));
        }
        return out;
    }

    private static int compareIds(String a, String b) {
        boolean an = isDecimal(a);
        boolean bn = isDecimal(b);
        if (an && bn) {
            String sa = stripZeros(a);
            String sb = stripZeros(b);
            if (sa.length() != sb.length()) {
                return sa.length() < sb.length() ? -1 : 1;
            }
            int c = sa.compareTo(sb);
            return c != 0 ? c : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return dev.aurum.aquavm.json.Utf8.compare(a, b);
    }

    private static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
