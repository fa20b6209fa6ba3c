package dev.aurum.vectors.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.vectors.HexText;
import dev.aurum.vectors.VectorFiles;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed trace verdicts: every honest trace valid, every forgery caught by its target check at its hop. */
class SignedTracesTest {

    private static String s(JsonObject o, String k) {
        return ((JsonString) o.get(k)).value();
    }

    @Test
    void verdictsAreTheIntendedOnes() throws DecodeException {
        List<JsonObject> verdicts = VectorFiles.jsonLines(SignedTraces.VERDICTS);
        int honest = 0;
        int attacks = 0;
        TreeSet<String> checks = new TreeSet<>();
        for (JsonObject v : verdicts) {
            String file = s(v, "file");
            boolean valid = ((JsonBool) v.get("valid")).value();
            assertEquals(((JsonBool) v.get("expected_valid")).value(), valid, file + ": " + s(v, "reason"));
            if (s(v, "kind").equals("honest")) {
                honest++;
            } else {
                attacks++;
                assertEquals(s(v, "expected_check"), s(v, "check"), file + ": " + s(v, "reason"));
                assertEquals(((JsonNumber) v.get("expected_hop")).longValue(), ((JsonNumber) v.get("hop")).longValue(), file);
                checks.add(s(v, "check"));
            }
            byte[] bytes = VectorFiles.bytes(file);
            if (!s(v, "trace_sha256").isEmpty()) {
                assertEquals(s(v, "trace_sha256"), HexText.of(CodecVectors.sha256(bytes)), file);
            }
        }
        assertEquals(ScenarioCatalog.names().size(), honest);
        assertTrue(attacks >= 30, attacks + " attacks");
        assertTrue(checks.size() >= 10, "attacks target " + checks);
    }

    @Test
    void honestTracesDecodeAndReencodeCanonically() throws DecodeException {
        for (String s : ScenarioCatalog.names()) {
            byte[] bytes = VectorFiles.bytes(SignedTraces.DIRECTORY + "honest/" + s + ".trace");
            assertTrue(java.util.Arrays.equals(bytes, TraceCodec.encode(TraceCodec.decode(bytes))), s);
        }
    }
}
