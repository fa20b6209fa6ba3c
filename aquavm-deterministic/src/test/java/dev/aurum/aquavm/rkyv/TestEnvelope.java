package dev.aurum.aquavm.rkyv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test-only extraction of {@code inner_data} from AquaVM's msgpack envelope
 * {@code {version, interpreter_version, inner_data: bin}}, and re-wrapping. To be replaced by the
 * envelope codec of {@code dev.aurum.aquavm.sede} once it lands; it handles exactly the shapes
 * rmp_serde writes for the envelope (fixmap, fixstr/str8 keys and values, bin8/16/32).
 */
final class TestEnvelope {

    private TestEnvelope() {
    }

    static byte[] innerData(byte[] env) {
        int[] p = {0};
        int header = env[p[0]++] & 0xFF;
        if ((header & 0xF0) != 0x80) {
            throw new IllegalArgumentException("envelope is not a fixmap");
        }
        byte[] inner = null;
        for (int i = 0; i < (header & 0x0F); i++) {
            String key = str(env, p);
            if (key.equals("inner_data")) {
                inner = bin(env, p);
            } else {
                str(env, p);
            }
        }
        if (inner == null) {
            throw new IllegalArgumentException("no inner_data");
        }
        return inner;
    }

    /** A string member of the envelope, e.g. {@code version}. */
    static String field(byte[] env, String name) {
        int[] p = {1};
        for (int i = 0; i < (env[0] & 0x0F); i++) {
            String key = str(env, p);
            if (key.equals("inner_data")) {
                bin(env, p);
            } else {
                String value = str(env, p);
                if (key.equals(name)) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("no " + name);
    }

    private static String str(byte[] b, int[] p) {
        int t = b[p[0]++] & 0xFF;
        int len;
        if ((t & 0xE0) == 0xA0) {
            len = t & 0x1F;
        } else if (t == 0xD9) {
            len = b[p[0]++] & 0xFF;
        } else {
            throw new IllegalArgumentException("not a short string: " + t);
        }
        String s = new String(b, p[0], len, StandardCharsets.UTF_8);
        p[0] += len;
        return s;
    }

    private static byte[] bin(byte[] b, int[] p) {
        int t = b[p[0]++] & 0xFF;
        int n = t == 0xC4 ? 1 : t == 0xC5 ? 2 : t == 0xC6 ? 4 : -1;
        if (n < 0) {
            throw new IllegalArgumentException("not a bin: " + t);
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[p[0]++] & 0xFF);
        }
        byte[] out = Arrays.copyOfRange(b, p[0], p[0] + len);
        p[0] += len;
        return out;
    }
}
