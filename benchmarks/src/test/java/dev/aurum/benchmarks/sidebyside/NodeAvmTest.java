package dev.aurum.benchmarks.sidebyside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.vectors.transcript.InvokeLine;
import dev.aurum.vectors.transcript.OutcomeDiff;
import dev.aurum.vectors.transcript.TranscriptFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * avm.wasm under Node through avm-runner.mjs reproduces every shipped reference transcript, semantically and byte
 * for byte (needs node; skipped without).
 */
class NodeAvmTest {

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void replaysEveryShippedTranscriptByteForByte(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH");
        int lines = 0;
        try (NodeAvm node = new NodeAvm("node", work)) {
            assertTrue(node.version().startsWith("Node v"), node.version());
            for (String scenario : SideBySide.shippedScenarios()) {
                for (TranscriptFormat.Entry e : TranscriptFormat.parseAll(
                        SideBySide.resource("/vectors/transcripts/" + scenario + ".jsonl"))) {
                    String where = scenario + " line " + e.lineNumber();
                    InvokeLine line = e.line();
                    NodeAvm.Timed timed = node.invoke(line);
                    InterpreterOutcome out = timed.outcome();
                    Optional<OutcomeDiff.Difference> diff = OutcomeDiff.first(line.out(), out);
                    assertEquals(Optional.empty(), diff, where);
                    // same module, same deterministic imports, fresh instance: the bytes agree too
                    assertArrayEquals(line.out().data(), out.data(), "data of " + where);
                    assertArrayEquals(line.out().callRequests(), out.callRequests(), "call requests of " + where);
                    assertEquals(line.out().nextPeerPks(), out.nextPeerPks(), "next peers of " + where);
                    assertTrue(timed.nanos() > 0);
                    lines++;
                }
            }
        }
        assertTrue(lines >= 212, lines + " invokes (212 shipped when this was written)");
        try (var files = Files.list(work)) {
            assertEquals(2, files.count(), "runner and module were extracted");
        }
    }
}
