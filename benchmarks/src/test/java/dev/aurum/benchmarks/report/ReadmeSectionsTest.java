package dev.aurum.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeSectionsTest {

    private static final String DOC = "# title\n\nhand-written\n" + ReadmeSections.begin("parser") + "\nold table\n"
            + ReadmeSections.end("parser") + "\nother engineer's table | 1.0 |\n";

    @Test
    void replacesOnlyTheBodyOfTheNamedSection() {
        String out = ReadmeSections.replace(DOC, "parser", "| new | 2.0 |");
        assertEquals("# title\n\nhand-written\n" + ReadmeSections.begin("parser") + "\n| new | 2.0 |\n"
                + ReadmeSections.end("parser") + "\nother engineer's table | 1.0 |\n", out);
        assertEquals(out, ReadmeSections.replace(out, "parser", "| new | 2.0 |\n"), "idempotent");
    }

    @Test
    void missingDuplicatedOrReversedMarkersAreErrors() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ReadmeSections.replace(DOC, "codecs", "x"));
        assertTrue(missing.getMessage().contains("generated:codecs begin"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReadmeSections.replace(DOC + DOC, "parser", "x"));
        String reversed = ReadmeSections.end("parser") + "\n" + ReadmeSections.begin("parser") + "\n";
        assertThrows(IllegalArgumentException.class, () -> ReadmeSections.replace(reversed, "parser", "x"));
    }

    /** The module README carries every section BenchReport writes, so a suite run cannot fail at the end. */
    @Test
    void theModuleReadmeHasEverySection() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("benchmarks.basedir", "."), "README.md"));
        for (String section : BenchReport.SECTIONS) {
            ReadmeSections.requireMarkers(readme, section);
        }
        ReadmeSections.requireMarkers(readme, "machine");
    }
}
