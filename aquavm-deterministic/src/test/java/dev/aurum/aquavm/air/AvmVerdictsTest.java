package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the real avm.wasm 0.62.0 (its {@code ast} export): for every script, the same
 * accept/reject decision, the same JSON AST (SHA-256 of {@link AirAstJson}'s output) when accepted,
 * the same first error line:column when rejected (except entries marked {@code ERR~}), and the same
 * panic. The scripts are hand-written edge cases plus {@link RandomAirGenerator} output.
 */
class AvmVerdictsTest {

    record Verdict(String verdict, String script) {
    }

    static List<Verdict> load() throws IOException {
        try (InputStream in = AvmVerdictsTest.class.getResourceAsStream("/air/avm-0.62-verdicts.tsv")) {
            assertNotNull(in);
            List<Verdict> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String script = new String(Base64.getDecoder().decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
                out.add(new Verdict(line.substring(0, tab), script));
            }
            return out;
        }
    }

    @Test
    void sameVerdictsAsAvmWasm() throws IOException, NoSuchAlgorithmException {
        List<Verdict> verdicts = load();
        assertTrue(verdicts.size() > 700, "loaded " + verdicts.size());
        int accepted = 0;
        for (Verdict v : verdicts) {
            Instruction ast = null;
            AirParseException error = null;
            try {
                ast = AirParser.parse(v.script);
            } catch (AirParseException e) {
                error = e;
            }
            if (v.verdict.startsWith("OK:")) {
                if (ast == null) {
                    fail("avm.wasm accepts, we reject:\n" + v.script + "\n" + error.report());
                }
                String json = AirAstJson.render(ast);
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
                assertEquals(v.verdict.substring(3), HexFormat.of().formatHex(hash),
                        () -> "JSON AST differs:\n" + v.script + "\n" + json);
                accepted++;
            } else if (v.verdict.equals("TRAP")) {
                assertNotNull(error, v.script);
                assertEquals(AirParseError.Kind.AQUAVM_PANICS, error.first().kind(), v.script);
            } else {
                if (error == null) {
                    fail("avm.wasm rejects at " + v.verdict + ", we accept:\n" + v.script);
                }
                if (v.verdict.startsWith("ERR:")) {
                    AirParseError first = error.first();
                    assertEquals(v.verdict.substring(4), first.line() + ":" + first.column(),
                            "first error position for:\n" + v.script + "\n" + error.report());
                }
            }
        }
        assertTrue(accepted > 200, "accepted " + accepted);
    }
}
