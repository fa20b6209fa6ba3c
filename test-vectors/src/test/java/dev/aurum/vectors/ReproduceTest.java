package dev.aurum.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's {@code aurum vectors reproduce}: regenerates every shipped vector and byte-compares it with
 * the committed set. To update the committed set after an intended change, run this test with
 * {@code -Dvectors.out=test-vectors/src/main/resources/vectors} (it writes there, then fails once).
 */
class ReproduceTest {

    @Test
    void everyShippedVectorIsReproducedByteForByte() {
        String out = System.getProperty("vectors.out");
        Reproducer.Report report = Reproducer.reproduce(SharedContext.get(), VectorSets.all(),
                Reproducer.Committed.classpath(), out == null || out.isEmpty() ? null : Path.of(out));
        List<String> problems = new ArrayList<>();
        for (Reproducer.FileResult f : report.files()) {
            if (f.status() != Reproducer.Status.IDENTICAL) {
                problems.add(f.path() + ": " + f.status() + " " + f.detail());
            }
        }
        assertEquals(List.of(), problems, "regenerated vectors differ from the committed set");
        assertTrue(report.allIdentical());
        // the index, 8 codec files, per scenario a transcript and an honest trace, the attacks and their verdicts,
        // 9 protocol files
        int scenarios = dev.aurum.vectors.scenario.ScenarioCatalog.names().size();
        int attacks = 0;
        int protocol = 0;
        for (Reproducer.FileResult f : report.files()) {
            attacks += f.path().startsWith("traces/attacks/") ? 1 : 0;
            protocol += f.path().startsWith("protocol/") ? 1 : 0;
        }
        assertTrue(attacks >= 30, attacks + " attack traces");
        assertEquals(9, protocol, "protocol vector files");
        int bundleFiles = 0; // per bundle its bytes and its verdict, plus bundles.jsonl
        for (Reproducer.FileResult f : report.files()) {
            bundleFiles += f.path().startsWith("bundles/") ? 1 : 0;
        }
        assertTrue(bundleFiles >= 2 * 25 + 1 && bundleFiles % 2 == 1, bundleFiles + " bundle files");
        assertEquals(1 + 8 + 2 * scenarios + attacks + 1 + protocol + bundleFiles, report.files().size());
    }

    @Test
    void aChangedCommittedFileIsReportedWithItsPosition() {
        Reproducer.Committed tampered = path -> {
            byte[] b = Reproducer.Committed.classpath().read(path);
            if (b != null && path.equals("codec/peer-ids.jsonl")) {
                b = b.clone();
                b[b.length / 2] ^= 1;
            }
            return b;
        };
        Reproducer.Report report = Reproducer.reproduce(SharedContext.get(), VectorSets.all(), tampered, null);
        List<String> different = new ArrayList<>();
        for (Reproducer.FileResult f : report.files()) {
            if (f.status() != Reproducer.Status.IDENTICAL) {
                different.add(f.path() + " " + f.status());
                assertTrue(f.detail().startsWith("first difference at line "), f.detail());
            }
        }
        assertEquals(List.of("codec/peer-ids.jsonl DIFFERENT"), different);
    }

    @Test
    void firstDifferenceNamesLineColumnAndByte() {
        assertEquals("first difference at line 2, column 3 (byte 5)",
                Reproducer.firstDifference("ab\ncdX".getBytes(), "ab\ncdY".getBytes()));
        assertEquals("the committed file is a prefix: regenerated has 1 more bytes",
                Reproducer.firstDifference("ab".getBytes(), "abc".getBytes()));
    }
}
