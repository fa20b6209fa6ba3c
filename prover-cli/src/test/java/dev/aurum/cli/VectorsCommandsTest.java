package dev.aurum.cli;

import static dev.aurum.cli.Cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.aurum.cli.Cli.Result;

class VectorsCommandsTest {

    @TempDir
    static Path dir;
    static Path forkJoin;
    static int forkJoinLines;

    @BeforeAll
    static void copyShippedTranscript() throws Exception {
        forkJoin = dir.resolve("fork-join.jsonl");
        try (InputStream in = VectorsCommandsTest.class.getResourceAsStream("/vectors/transcripts/fork-join.jsonl")) {
            Files.write(forkJoin, in.readAllBytes());
        }
        forkJoinLines = Files.readAllLines(forkJoin).size();
    }

    @Test
    void checkPassesAShippedTranscriptOnTheReference() {
        Result r = run("vectors", "check", forkJoin.toString(), "--engine", "reference");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(forkJoinLines + " passed, 0 failed\n", r.out());
    }

    @Test
    void checkReportsEachMismatchAndExitsNonZero() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(forkJoin));
        lines.set(2, lines.get(2).replace("\"ret_code\":0", "\"ret_code\":7"));
        lines.add(4, "{not json");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);
        Result r = run("vectors", "check", bad.toString(), "--engine", "reference");
        assertEquals(1, r.exit());
        String[] out = r.out().split("\n");
        assertTrue(out[0].startsWith("line 3: ret_code: expected 7, got 0"), r.out());
        assertTrue(out[1].startsWith("line 5: line: unreadable: json: "), r.out());
        assertEquals(forkJoinLines - 1 + " passed, 2 failed", out[out.length - 1]);
    }

    @Test
    void checkJsonOutput() throws Exception {
        Result r = run("vectors", "check", forkJoin.toString(), "--engine", "reference", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = (JsonObject) JsonParser.parse(r.out().trim());
        assertEquals(forkJoinLines, ((JsonNumber) o.get("passed")).longValue());
        assertEquals(0, ((JsonNumber) o.get("failed")).longValue());
        assertEquals("reference", o.get("engine").toString().replace("\"", ""));
    }

    /** The Java engine is checked honestly: whatever it gets wrong is a counted mismatch, never a crash. */
    @Test
    void checkOnTheJavaEngineCountsEveryLine() {
        Result r = run("vectors", "check", forkJoin.toString(), "--engine", "java");
        String[] out = r.out().split("\n");
        String last = out[out.length - 1];
        assertTrue(last.matches("\\d+ passed, \\d+ failed"), r.out() + r.err());
        String[] n = last.split(" ");
        assertEquals(forkJoinLines, Integer.parseInt(n[0]) + Integer.parseInt(n[2]));
        assertEquals(n[2].equals("0") ? 0 : 1, r.exit());
    }

    @Test
    void checkUnreadableFileOrUnknownEngine() {
        assertEquals(2, run("vectors", "check", dir.resolve("none.jsonl").toString()).exit());
        Result r = run("vectors", "check", forkJoin.toString(), "--engine", "wasm3");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown engine 'wasm3'"), r.err());
    }

    @Test
    void checkEmptyFileFails() throws Exception {
        Path empty = dir.resolve("empty.jsonl");
        Files.write(empty, new byte[0]);
        Result r = run("vectors", "check", empty.toString(), "--engine", "reference");
        assertEquals(1, r.exit());
        assertEquals("0 passed, 0 failed\n", r.out());
    }

    /** The whole reproduction runs in test-vectors' ReproduceTest; here the command on the codec set. */
    @Test
    void reproduceWritesAndComparesASet() throws Exception {
        Path out = dir.resolve("regen");
        Result r = run("vectors", "reproduce", "--set", "codec", "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("8 identical, 0 not (8 files; sets: codec)"), r.out());
        try (InputStream in = VectorsCommandsTest.class.getResourceAsStream("/vectors/codec/cids.jsonl")) {
            assertTrue(Arrays.equals(in.readAllBytes(), Files.readAllBytes(out.resolve("codec/cids.jsonl"))));
        }
        // against a directory with one changed and one missing file
        Path changed = out.resolve("codec/peer-ids.jsonl");
        byte[] b = Files.readAllBytes(changed);
        b[10] ^= 1;
        Files.write(changed, b);
        Files.delete(out.resolve("codec/cids.jsonl"));
        Result diff = run("vectors", "reproduce", "--set", "codec", "--committed", out.toString());
        assertEquals(1, diff.exit());
        assertTrue(diff.out().contains("DIFFERENT codec/peer-ids.jsonl: first difference at line 1, column 11 (byte 10)"), diff.out());
        assertTrue(diff.out().contains("MISSING codec/cids.jsonl: not in the committed set"), diff.out());
        assertTrue(diff.out().contains("6 identical, 2 not (8 files; sets: codec)"), diff.out());
    }

    @Test
    void reproduceUnknownSet() {
        Result r = run("vectors", "reproduce", "--set", "golden");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no vector set 'golden'; sets: codec, transcripts, traces"), r.err());
    }

    @Test
    void helpTeaches() {
        Result r = run("vectors", "check", "--help");
        assertTrue(r.out().contains("next peers (as a set)"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        String help = run("vectors", "reproduce", "--help").out();
        assertTrue(help.contains("--committed=DIR"), help);
        assertTrue(help.contains("codec, transcripts, traces"), help);
        assertTrue(run("--help").out().contains("vectors"));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
