package dev.aurum.vectors.transcript;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.vectors.HexText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoke transcript format (JSON Lines, one invoke per line; {@code docs/formats.md}, "Invoke
 * transcripts"). This is how transcripts are exchanged with other AquaVM hosts, so the reader takes
 * exactly the documented fields and ignores any others; the writer emits the documented fields in the
 * documented order plus the outcome's three limit flags.
 */
public final class TranscriptFormat {

    static final String FORMAT = "invoke transcript";
    /** One line: the largest AIR (16 MiB) and two 64 MiB particles in hex fit, with room to spare. */
    public static final int MAX_LINE_BYTES = 512 << 20;
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private TranscriptFormat() {
    }

    /** One line of the given invoke, without the line feed. */
    public static String write(InvokeLine line) {
        RunParameters p = line.params();
        InterpreterOutcome o = line.out();
        JsonWriter w = JsonWriter.compactWriter().beginObject();
        w.name("air").value(line.air());
        w.name("prev_data").value(HexText.of(line.prevData()));
        w.name("data").value(HexText.of(line.data()));
        w.name("params").beginObject();
        w.name("init_peer_id").value(p.initPeerId());
        w.name("current_peer_id").value(p.currentPeerId());
        w.name("timestamp").value(JsonNumber.ofUnsigned(p.timestamp()));
        w.name("ttl").value(JsonNumber.ofUnsigned(p.ttl()));
        w.name("key_format").value(JsonNumber.ofLong(p.keyFormat()));
        w.name("secret_key_bytes").value(HexText.of(p.secretKeyBytes()));
        w.name("particle_id").value(p.particleId());
        w.name("air_size_limit").value(JsonNumber.ofUnsigned(p.airSizeLimit()));
        w.name("particle_size_limit").value(JsonNumber.ofUnsigned(p.particleSizeLimit()));
        w.name("call_result_size_limit").value(JsonNumber.ofUnsigned(p.callResultSizeLimit()));
        w.name("hard_limit_enabled").value(JsonBool.of(p.hardLimitEnabled()));
        w.endObject();
        w.name("call_results").value(HexText.of(line.callResults()));
        w.name("out").beginObject();
        w.name("ret_code").value(JsonNumber.ofLong(o.retCode()));
        w.name("error_message").value(o.errorMessage());
        w.name("data").value(HexText.of(o.data()));
        w.name("next_peer_pks").beginArray();
        for (String peer : o.nextPeerPks()) {
            w.value(peer);
        }
        w.endArray();
        w.name("call_requests").value(HexText.of(o.callRequests()));
        w.name("air_size_limit_exceeded").value(JsonBool.of(o.airSizeLimitExceeded()));
        w.name("particle_size_limit_exceeded").value(JsonBool.of(o.particleSizeLimitExceeded()));
        w.name("call_result_size_limit_exceeded").value(JsonBool.of(o.callResultSizeLimitExceeded()));
        w.endObject();
        w.endObject();
        return new String(w.toByteArray(), StandardCharsets.UTF_8);
    }

    /** A whole transcript: every line followed by a line feed. */
    public static byte[] writeAll(List<InvokeLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (InvokeLine l : lines) {
            sb.append(write(l)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One parsed line of a file: its 1-based number and either the invoke or why it is unreadable. */
    public record Entry(int lineNumber, InvokeLine line, DecodeException error) {
    }

    /**
     * Splits a file into lines (LF or CRLF; blank lines are skipped) and parses each. An unreadable
     * line does not stop the others from being read.
     */
    public static List<Entry> parseAll(byte[] file) {
        List<Entry> out = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < file.length) {
            int end = start;
            while (end < file.length && file[end] != '\n') {
                end++;
            }
            lineNumber++;
            int stop = end > start && file[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(file, start, stop)) {
                byte[] text = new byte[stop - start];
                System.arraycopy(file, start, text, 0, text.length);
                try {
                    out.add(new Entry(lineNumber, parse(text), null));
                } catch (DecodeException e) {
                    out.add(new Entry(lineNumber, null, e));
                }
            }
            start = end + 1;
        }
        return out;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Parses one line (UTF-8 JSON object). */
    public static InvokeLine parse(byte[] lineUtf8) throws DecodeException {
        JsonValue root = JsonParser.parse(lineUtf8, JsonParser.FloatParsing.SERDE_JSON_DEFAULT, MAX_LINE_BYTES);
        JsonObject top = object(root, "");
        JsonObject p = object(require(top, "params", ""), "params");
        RunParameters params;
        try {
            params = new RunParameters(
                    string(p, "init_peer_id", "params"),
                    string(p, "current_peer_id", "params"),
                    unsigned(p, "timestamp", "params", -1),
                    unsigned(p, "ttl", "params", U32_MAX),
                    (int) unsigned(p, "key_format", "params", 255),
                    bytes(p, "secret_key_bytes", "params"),
                    string(p, "particle_id", "params"),
                    unsigned(p, "air_size_limit", "params", -1),
                    unsigned(p, "particle_size_limit", "params", -1),
                    unsigned(p, "call_result_size_limit", "params", -1),
                    bool(p, "hard_limit_enabled", "params"));
        } catch (IllegalArgumentException e) {
            throw new DecodeException(FORMAT, "params", -1, e.getMessage());
        }
        JsonObject o = object(require(top, "out", ""), "out");
        JsonValue peersJson = require(o, "next_peer_pks", "out");
        if (!(peersJson instanceof JsonArray peers)) {
            throw new DecodeException(FORMAT, "out.next_peer_pks", -1, "expected an array of strings");
        }
        List<String> nextPeers = new ArrayList<>(peers.size());
        for (int i = 0; i < peers.size(); i++) {
            if (!(peers.get(i) instanceof JsonString s)) {
                throw new DecodeException(FORMAT, "out.next_peer_pks[" + i + "]", -1, "expected a string");
            }
            nextPeers.add(s.value());
        }
        JsonValue retCode = require(o, "ret_code", "out");
        if (!(retCode instanceof JsonNumber n) || !n.fitsLong()) {
            throw new DecodeException(FORMAT, "out.ret_code", -1, "expected an integer");
        }
        InterpreterOutcome out = new InterpreterOutcome(n.longValue(), string(o, "error_message", "out"),
                bytes(o, "data", "out"), nextPeers, bytes(o, "call_requests", "out"),
                optionalBool(o, "air_size_limit_exceeded", "out"),
                optionalBool(o, "particle_size_limit_exceeded", "out"),
                optionalBool(o, "call_result_size_limit_exceeded", "out"));
        return new InvokeLine(string(top, "air", ""), bytes(top, "prev_data", ""), bytes(top, "data", ""), params,
                bytes(top, "call_results", ""), out);
    }

    private static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static JsonValue require(JsonObject o, String key, String parent) throws DecodeException {
        JsonValue v = o.get(key);
        if (v == null) {
            throw new DecodeException(FORMAT, path(parent, key), -1, "missing \"" + key + "\"");
        }
        return v;
    }

    private static JsonObject object(JsonValue v, String path) throws DecodeException {
        if (!(v instanceof JsonObject o)) {
            throw new DecodeException(FORMAT, path, -1, "expected an object");
        }
        return o;
    }

    private static String string(JsonObject o, String key, String parent) throws DecodeException {
        if (!(require(o, key, parent) instanceof JsonString s)) {
            throw new DecodeException(FORMAT, path(parent, key), -1, "expected a string");
        }
        return s.value();
    }

    private static byte[] bytes(JsonObject o, String key, String parent) throws DecodeException {
        return HexText.parse(string(o, key, parent), FORMAT, path(parent, key));
    }

    private static boolean bool(JsonObject o, String key, String parent) throws DecodeException {
        if (!(require(o, key, parent) instanceof JsonBool b)) {
            throw new DecodeException(FORMAT, path(parent, key), -1, "expected true or false");
        }
        return b.value();
    }

    private static boolean optionalBool(JsonObject o, String key, String parent) throws DecodeException {
        return o.get(key) != null && bool(o, key, parent);
    }

    /** An unsigned integer up to {@code max} (as unsigned; -1 = u64). */
    private static long unsigned(JsonObject o, String key, String parent, long max) throws DecodeException {
        if (!(require(o, key, parent) instanceof JsonPosInt n)) {
            throw new DecodeException(FORMAT, path(parent, key), -1, "expected an unsigned integer");
        }
        if (Long.compareUnsigned(n.bits(), max) > 0) {
            throw new DecodeException(FORMAT, path(parent, key), -1,
                    Long.toUnsignedString(n.bits()) + " is above the maximum " + Long.toUnsignedString(max));
        }
        return n.bits();
    }
}
