package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed shared vectors are exactly what the Java protocol code produces today. */
class ProtocolVectorsTest {
    @Test
    void committedVectorsMatchJava() throws Exception {
        String generated = ProtocolVectors.render();
        if (Boolean.getBoolean("vectors.write")) {
            Path target = Path.of(System.getProperty("contracts.basedir", "."), "src/test/resources", ProtocolVectors.RESOURCE);
            Files.writeString(target, generated, StandardCharsets.UTF_8);
        }
        String committed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ProtocolVectors.RESOURCE)) {
            committed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(committed, generated,
                "shared vectors changed; if intended, rerun with -Dvectors.write=true and commit the file");
        assertEquals(generated, ProtocolVectors.render(), "generation is deterministic");
    }
}
