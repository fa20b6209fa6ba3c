package dev.aurum.vectors.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.vectors.VectorFiles;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped reference transcript, replayed invoke by invoke on the Java interpreter, matches semantically. */
class JavaEngineTranscriptsTest {

    static Stream<String> scenarios() {
        return ScenarioCatalog.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void javaEngineReproducesTheReferenceTranscript(String scenario) {
        TranscriptCheck.Report report = TranscriptCheck.run(VectorFiles.bytes("transcripts/" + scenario + ".jsonl"),
                new JavaAquaVm());
        StringBuilder mismatches = new StringBuilder();
        for (TranscriptCheck.LineResult l : report.lines()) {
            if (!l.passed()) {
                mismatches.append("\nline ").append(l.lineNumber()).append(": ").append(l.field()).append(": ").append(l.detail());
            }
        }
        assertEquals(0, report.failed(), scenario + ":" + mismatches);
        assertEquals("java", report.engine());
    }
}
