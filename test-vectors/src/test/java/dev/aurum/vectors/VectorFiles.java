package dev.aurum.vectors;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads committed vector files from the classpath. */
public final class VectorFiles {

    private VectorFiles() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = VectorFiles.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no committed vector file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonObject> jsonLines(String path) throws DecodeException {
        List<JsonObject> out = new ArrayList<>();
        for (String line : new String(bytes(path), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add((JsonObject) JsonParser.parse(line));
            }
        }
        return out;
    }
}
