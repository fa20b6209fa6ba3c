package dev.aurum.aquavm.reference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal MessagePack for tests: encodes call results and decodes call requests.
 * TEST-ONLY: to be replaced by the core's msgpack / call-results codecs (branch {@code codecs}).
 */
final class TestMsgpack {

    private TestMsgpack() {
    }

    /** One call result: service return code and the result as JSON text. */
    record CallResult(int retCode, String resultJson) {
    }

    /** {@code 81 04} + {"<id>": {"ret_code": i32, "result": json text}}; ids in the given order. */
    static byte[] callResults(Map<Integer, CallResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81);
        out.write(0x04);
        mapHeader(out, results.size());
        for (var e : results.entrySet()) {
            string(out, Integer.toString(e.getKey()));
            mapHeader(out, 2);
            string(out, "ret_code");
            integer(out, e.getValue().retCode());
            string(out, "result");
            string(out, e.getValue().resultJson());
        }
        return out.toByteArray();
    }

    /** A data envelope {version, interpreter_version, inner_data: bin} around {@code inner}. */
    static byte[] envelope(String version, String interpreterVersion, byte[] inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mapHeader(out, 3);
        string(out, "version");
        string(out, version);
        string(out, "interpreter_version");
        string(out, interpreterVersion);
        string(out, "inner_data");
        out.write(0xC6);
        for (int i = 3; i >= 0; i--) {
            out.write(inner.length >>> (8 * i));
        }
        out.writeBytes(inner);
        return out.toByteArray();
    }

    static byte[] noCallResults() {
        return new byte[] {(byte) 0x81, 0x04, (byte) 0x80};
    }

    private static void mapHeader(ByteArrayOutputStream out, int n) {
        if (n < 16) {
            out.write(0x80 | n);
        } else {
            out.write(0xDE);
            out.write(n >>> 8);
            out.write(n);
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 32) {
            out.write(0xA0 | b.length);
        } else if (b.length < 256) {
            out.write(0xD9);
            out.write(b.length);
        } else if (b.length < 65536) {
            out.write(0xDA);
            out.write(b.length >>> 8);
            out.write(b.length);
        } else {
            out.write(0xDB);
            for (int i = 3; i >= 0; i--) {
                out.write(b.length >>> (8 * i));
            }
        }
        out.writeBytes(b);
    }

    private static void integer(ByteArrayOutputStream out, int v) {
        if (v >= 0 && v < 128) {
            out.write(v);
        } else {
            out.write(0xD2);
            for (int i = 3; i >= 0; i--) {
                out.write(v >>> (8 * i));
            }
        }
    }

    /** Decodes one value: Map (LinkedHashMap), List, String, Long, Double, Boolean, byte[] or null. */
    static Object decode(byte[] bytes) {
        Reader r = new Reader(bytes, 0);
        Object v = r.value(0);
        if (r.pos != bytes.length) {
            throw new IllegalArgumentException("trailing bytes at " + r.pos);
        }
        return v;
    }

    /** Decodes a multiformat-msgpack value ({@code 81 04} prefix). */
    static Object decodeMultiformat(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x81 || bytes[1] != 0x04) {
            throw new IllegalArgumentException("not multiformat msgpack (81 04)");
        }
        byte[] rest = new byte[bytes.length - 2];
        System.arraycopy(bytes, 2, rest, 0, rest.length);
        return decode(rest);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        Object value(int depth) {
            if (depth > 64) {
                throw new IllegalArgumentException("too deep");
            }
            int t = u8();
            if (t <= 0x7F) {
                return (long) t;
            }
            if (t >= 0xE0) {
                return (long) (byte) t;
            }
            if ((t & 0xF0) == 0x80) {
                return map(t & 0x0F, depth);
            }
            if ((t & 0xF0) == 0x90) {
                return list(t & 0x0F, depth);
            }
            if ((t & 0xE0) == 0xA0) {
                return str(t & 0x1F);
            }
            switch (t) {
                case 0xC0: return null;
                case 0xC2: return false;
                case 0xC3: return true;
                case 0xC4: return bin(u8());
                case 0xC5: return bin((int) un(2));
                case 0xC6: return bin((int) un(4));
                case 0xCA: return (double) Float.intBitsToFloat((int) un(4));
                case 0xCB: return Double.longBitsToDouble(un(8));
                case 0xCC: return un(1);
                case 0xCD: return un(2);
                case 0xCE: return un(4);
                case 0xCF: return un(8);
                case 0xD0: return (long) (byte) un(1);
                case 0xD1: return (long) (short) un(2);
                case 0xD2: return (long) (int) un(4);
                case 0xD3: return un(8);
                case 0xD9: return str(u8());
                case 0xDA: return str((int) un(2));
                case 0xDB: return str((int) un(4));
                case 0xDC: return list((int) un(2), depth);
                case 0xDD: return list((int) un(4), depth);
                case 0xDE: return map((int) un(2), depth);
                case 0xDF: return map((int) un(4), depth);
                default: throw new IllegalArgumentException("unsupported msgpack type 0x" + Integer.toHexString(t));
            }
        }

        private Map<Object, Object> map(int n, int depth) {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = value(depth + 1);
                m.put(k, value(depth + 1));
            }
            return m;
        }

        private List<Object> list(int n, int depth) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                l.add(value(depth + 1));
            }
            return l;
        }

        private String str(int n) {
            return new String(bin(n), StandardCharsets.UTF_8);
        }

        private byte[] bin(int n) {
            if (n < 0 || pos + n > b.length) {
                throw new IllegalArgumentException("length " + n + " overruns input at " + pos);
            }
            byte[] out = new byte[n];
            System.arraycopy(b, pos, out, 0, n);
            pos += n;
            return out;
        }

        private int u8() {
            if (pos >= b.length) {
                throw new IllegalArgumentException("truncated at " + pos);
            }
            return b[pos++] & 0xFF;
        }

        private long un(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | u8();
            }
            return v;
        }
    }
}
