package dev.aurum.aquavm.rkyv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The recorded avm.wasm 0.62.0 runs under {@code src/test/resources/rkyv/} (see {@code src/test/node/README.md}). */
final class Fixtures {

    static final List<String> SCENARIOS = List.of("single-call", "fork-join", "fold-next", "stream-map", "xor-failed", "sent-by");

    /**
     * One invoke's output data: its envelope, its inner_data, and the engine's human-readable dump
     * (exact text, and its {@code data} member parsed).
     */
    record Sample(String name, byte[] envelope, byte[] innerData, String humanText, JsonNode human) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Fixtures() {
    }

    static JsonNode scenario(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/rkyv/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty output data of every recorded invoke. */
    static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (String name : SCENARIOS) {
            JsonNode invokes = scenario(name).get("invokes");
            for (int i = 0; i < invokes.size(); i++) {
                JsonNode inv = invokes.get(i);
                byte[] env = hex(inv.get("data").textValue());
                if (env.length > 0) {
                    String text = inv.get("humanText").textValue();
                    out.add(new Sample(name + "#" + i + "@" + inv.get("peer").textValue(), env,
                            TestEnvelope.innerData(env), text, parse(text).get("data")));
                }
            }
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
