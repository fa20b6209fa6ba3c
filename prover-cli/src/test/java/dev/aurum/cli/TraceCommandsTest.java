package dev.aurum.cli;

import static dev.aurum.cli.Cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.aurum.cli.Cli.Result;

class TraceCommandsTest {

    @TempDir
    static Path dir;
    static Path trace;

    @BeforeAll
    static void record() {
        trace = dir.resolve("fj.trace");
        Result r = run("trace", "record", "fork-join", "-o", trace.toString(), "--engine", "reference");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("6 hops"), r.out());
        assertTrue(r.out().contains("hop 4  average  from hop 2  rounds 2  -> [user]"), r.out());
    }

    @Test
    void recordingIsDeterministic() throws Exception {
        Path again = dir.resolve("again.trace");
        assertEquals(0, run("trace", "record", "fork-join", "-o", again.toString(), "--engine", "reference").exit());
        assertArrayEquals(Files.readAllBytes(trace), Files.readAllBytes(again));
    }

    @Test
    void verifiesAnHonestTraceInTextJsonAndHtml() throws Exception {
        Result text = run("verify", trace.toString(), "--engine", "reference");
        assertEquals(0, text.exit(), text.out() + text.err());
        assertTrue(text.out().startsWith("VALID: 6 hops verified on the reference engine"), text.out());
        assertTrue(text.out().contains("prices.get[] -> 10"), text.out());
        assertTrue(text.out().contains("average_service.calc[10,20] -> 15.0"), text.out());

        Path html = dir.resolve("report.html");
        Result json = run("verify", trace.toString(), "--engine", "reference", "--json", "--report", html.toString());
        assertEquals(0, json.exit());
        JsonObject o = (JsonObject) JsonParser.parse(json.out().getBytes(StandardCharsets.UTF_8));
        assertEquals(JsonBool.TRUE, o.get("valid"));
        assertEquals(new JsonString("reference"), o.get("engine"));
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("VALID") && page.contains("hop 5"), page);
        assertTrue(!page.contains("#b3261e\" stroke-width=\"3\""), "no hop highlighted as failing");
    }

    @Test
    void rejectsAForgedTraceAndHighlightsTheFailingHop() throws Exception {
        SignedTrace honest = TraceCodec.decode(Files.readAllBytes(trace));
        List<Hop> hops = new ArrayList<>(honest.hops());
        byte[] sig = hops.get(3).signature();
        sig[0] ^= 1;
        hops.set(3, hops.get(3).withSignature(sig));
        Path forged = dir.resolve("forged.trace");
        Files.write(forged, TraceCodec.encode(new SignedTrace(honest.particle(), hops, honest.blobs())));
        Path html = dir.resolve("forged.html");
        Result r = run("verify", forged.toString(), "--engine", "reference", "--report", html.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("INVALID: hop 3: HOP_SIGNATURE: hop record is not signed by "), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("INVALID") && page.contains("#b3261e\" stroke-width=\"3\""), page);
    }

    @Test
    void reportsUnreadableAndTruncatedFiles() throws Exception {
        Result missing = run("verify", dir.resolve("nope.trace").toString(), "--engine", "reference");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("cannot read"), missing.err());
        Path cut = dir.resolve("cut.trace");
        byte[] all = Files.readAllBytes(trace);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 3));
        Result truncated = run("verify", cut.toString(), "--engine", "reference");
        assertEquals(1, truncated.exit());
        assertTrue(truncated.out().startsWith("INVALID: trace: DECODE: trace: "), truncated.out());
    }

    @Test
    void javaEngineVerifiesTheReferenceRecordedTraceAndUnknownEnginesAreRefused() {
        Result r = run("verify", trace.toString(), "--engine", "java");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("VALID"), r.out());
        Result unknown = run("verify", trace.toString(), "--engine", "fast");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown engine 'fast'"), unknown.err());
    }

    @Test
    void helpTeaches() {
        Result r = run("verify", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--report") && r.out().contains("Exit codes"), r.out());
        Result t = run("trace", "record", "--help");
        assertTrue(t.out().contains("fork-join, chain, fold-fanout, xor-failure"), t.out());
    }
}
