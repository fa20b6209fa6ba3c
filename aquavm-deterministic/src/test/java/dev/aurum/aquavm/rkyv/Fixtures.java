package dev.aurum.aquavm.rkyv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The recorded avm.wasm 0.62.0 runs under {@code src/test/resources/rkyv/} (see {@code src/test/node/README.md}). */
final class Fixtures {

    static final List<String> SCENARIOS = List.of("single-call", "fork-join", "fold-next", "stream-map", "xor-failed", "sent-by",
            "canon-provenance", "big-value");

    /**
     * One invoke's output data: its envelope, its inner_data, and the engine's human-readable dump
     * (exact text, and its {@code data} member parsed).
     */
    record Sample(String name, DataEnvelope envelope, byte[] innerData, String humanText, JsonNode human) {
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
                byte[] bytes = hex(inv.get("data").textValue());
                if (bytes.length > 0) {
                    String text = inv.get("humanText").textValue();
                    DataEnvelope env = envelope(bytes);
                    out.add(new Sample(name + "#" + i + "@" + inv.get("peer").textValue(), env,
                            env.innerData(), text, parse(text).get("data")));
                }
            }
        }
        return out;
    }

    private static DataEnvelope envelope(byte[] bytes) {
        try {
            DataEnvelope env = DataEnvelope.decode(bytes);
            if (!java.util.Arrays.equals(bytes, env.encode())) {
                throw new IllegalStateException("envelope does not re-encode to the engine's bytes");
            }
            return env;
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
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
