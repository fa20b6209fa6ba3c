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

/** avm.wasm under Node through avm-runner.mjs reproduces a shipped reference transcript (needs node; skipped without). */
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
    void replaysTheChainTranscriptByteForByte(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH");
        int lines = 0;
        try (NodeAvm node = new NodeAvm("node", work)) {
            assertTrue(node.version().startsWith("Node v"), node.version());
            for (TranscriptFormat.Entry e : TranscriptFormat.parseAll(SideBySide.resource("/vectors/transcripts/chain.jsonl"))) {
                InvokeLine line = e.line();
                NodeAvm.Timed timed = node.invoke(line);
                InterpreterOutcome out = timed.outcome();
                Optional<OutcomeDiff.Difference> diff = OutcomeDiff.first(line.out(), out);
                assertEquals(Optional.empty(), diff, "line " + e.lineNumber());
                // same module, same deterministic imports, fresh instance: the bytes agree too
                assertArrayEquals(line.out().data(), out.data(), "data of line " + e.lineNumber());
                assertArrayEquals(line.out().callRequests(), out.callRequests(), "call requests of line " + e.lineNumber());
                assertTrue(timed.nanos() > 0);
                lines++;
            }
        }
        assertEquals(8, lines);
        try (var files = Files.list(work)) {
            assertEquals(2, files.count(), "runner and module were extracted");
        }
    }
}
