package dev.aurum.vectors.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.vectors.HexText;
import dev.aurum.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link TranscriptCheck} on committed transcripts, as shipped and deliberately altered. */
class TranscriptCheckTest {

    private static AquaVm reference;

    @BeforeAll
    static void prepare() {
        reference = new ReferenceAquaVm();
    }

    private static List<String> lines(String scenario) {
        List<String> out = new ArrayList<>();
        for (String l : new String(VectorFiles.bytes("transcripts/" + scenario + ".jsonl"), StandardCharsets.UTF_8).split("\n")) {
            out.add(l);
        }
        return out;
    }

    private static TranscriptCheck.Report check(List<String> lines) {
        return TranscriptCheck.run(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), reference);
    }

    @Test
    void shippedTranscriptPassesOnTheReference() {
        List<String> lines = lines("fork-join");
        TranscriptCheck.Report report = check(lines);
        assertEquals(lines.size(), report.passed(), report.lines().toString());
        assertEquals(0, report.failed());
        assertEquals("reference", report.engine());
    }

    /** Index of the first line that contains {@code text}. */
    private static int lineWith(List<String> lines, String text, boolean contains) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) == contains) {
                return i;
            }
        }
        throw new AssertionError("no line " + (contains ? "with " : "without ") + text);
    }

    private static TranscriptCheck.LineResult only(TranscriptCheck.Report report) {
        List<TranscriptCheck.LineResult> failed = new ArrayList<>();
        for (TranscriptCheck.LineResult l : report.lines()) {
            if (!l.passed()) {
                failed.add(l);
            }
        }
        assertEquals(1, failed.size(), failed.toString());
        return failed.get(0);
    }

    @Test
    void eachAlteredOutcomeFieldIsNamedWithItsLine() throws Exception {
        List<String> lines = lines("fork-join");
        int i = lineWith(lines, "\"next_peer_pks\":[]", false);
        String line = lines.get(i);
        InvokeLine parsed = TranscriptFormat.parse(line.getBytes(StandardCharsets.UTF_8));

        List<String> changed = new ArrayList<>(lines);
        changed.set(i, line.replace("\"ret_code\":0", "\"ret_code\":1"));
        TranscriptCheck.LineResult r = only(check(changed));
        assertEquals(i + 1, r.lineNumber());
        assertEquals("ret_code", r.field());
        assertEquals("expected 1, got 0", r.detail());

        changed.set(i, line.replace("\"error_message\":\"\"", "\"error_message\":\"x\""));
        assertEquals("error_message", only(check(changed)).field());

        String peer = parsed.out().nextPeerPks().get(0);
        changed.set(i, line.replace("\"next_peer_pks\":[\"" + peer + "\"", "\"next_peer_pks\":[\"" + peer + "x\""));
        assertEquals("next_peer_pks", only(check(changed)).field());

        String data = HexText.of(parsed.out().data());
        String otherData = HexText.of(TranscriptFormat.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8)).out().data());
        assertTrue(!otherData.equals(data));
        changed.set(i, line.replace("\"data\":\"" + data + "\"", "\"data\":\"" + otherData + "\""));
        TranscriptCheck.LineResult d = only(check(changed));
        assertEquals("data", d.field());
        assertTrue(d.detail().startsWith("expected line "), d.detail());

        changed = new ArrayList<>(lines);
        int c = lineWith(lines, "\"call_requests\":\"810480\"", false);
        changed.set(c, lines.get(c).replaceFirst("\"call_requests\":\"[0-9a-f]*\"", "\"call_requests\":\"810480\""));
        TranscriptCheck.LineResult q = only(check(changed));
        assertEquals(c + 1, q.lineNumber());
        assertEquals("call_requests", q.field());
        assertTrue(q.detail().startsWith("expected {}, got {"), q.detail());
    }

    @Test
    void nextPeersAreASet() throws Exception {
        List<String> lines = lines("fold-fanout");
        List<String> changed = new ArrayList<>(lines);
        int reversed = 0;
        for (int i = 0; i < lines.size(); i++) {
            InvokeLine l = TranscriptFormat.parse(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (l.out().nextPeerPks().size() > 1) {
                List<String> rev = new ArrayList<>(l.out().nextPeerPks());
                Collections.reverse(rev);
                InvokeLine r = new InvokeLine(l.air(), l.prevData(), l.data(), l.params(), l.callResults(),
                        new dev.aurum.aquavm.InterpreterOutcome(l.out().retCode(), l.out().errorMessage(), l.out().data(), rev,
                                l.out().callRequests(), false, false, false));
                changed.set(i, TranscriptFormat.write(r));
                reversed++;
            }
        }
        assertTrue(reversed > 0, "fold-fanout has a hop with several next peers");
        assertEquals(lines.size(), check(changed).passed());
    }

    @Test
    void unreadableLinesFailAndTheRestIsChecked() {
        List<String> lines = new ArrayList<>(lines("xor-failure"));
        lines.add(1, "{\"air\": 1}");
        TranscriptCheck.Report report = check(lines);
        assertEquals(1, report.failed());
        TranscriptCheck.LineResult bad = only(report);
        assertEquals(2, bad.lineNumber());
        assertEquals("line", bad.field());
        assertTrue(bad.detail().startsWith("unreadable: invoke transcript: "), bad.detail());
        assertEquals(lines.size() - 1, report.passed());
    }
}
