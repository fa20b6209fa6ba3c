package dev.aurum.cli;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.verifier.Check;
import dev.aurum.verifier.Failure;
import dev.aurum.verifier.wasm.WasmVerdict;
import dev.aurum.verifier.wasm.WasmVerifier;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code aurum verify TRACE --in-wasm} (or a proof bundle with {@code --chain-id} and {@code --registry}): the
 * same check run inside the Wasm VM (aurum-verifier.wasm in
 * Chicory), printed with the module hash and the gas used. The module embeds the Java engine, so only
 * {@code --engine java} applies.
 */
final class InWasmVerify {

    private InWasmVerify() {
    }

    /** Whether the other options make sense with --in-wasm; if not, says why on {@code err}. */
    static boolean check(String engine, java.nio.file.Path report, long gasLimit, PrintWriter err) {
        if (engine != null && !engine.equals(EngineChoice.JAVA)) {
            err.println("aurum verify: --in-wasm runs the Java engine compiled into aurum-verifier.wasm; "
                    + "--engine " + engine + " is not available inside the VM");
            return false;
        }
        if (report != null) {
            err.println("aurum verify: --report is not available with --in-wasm (use --json)");
            return false;
        }
        if (gasLimit <= 0) {
            err.println("aurum verify: --gas-limit must be positive");
            return false;
        }
        return true;
    }

    /** @return the exit code: 0 valid, 1 invalid, 2 no verdict (out of gas, bad request, failure) */
    static int run(byte[] input, Long now, long gasLimit, Eip712Domain bundleDomain, boolean json, PrintWriter out,
                   PrintWriter err) {
        WasmVerifier host = WasmVerifier.load();
        WasmVerdict v = bundleDomain == null ? host.verify(input, now, gasLimit)
                : host.verify(input, now, bundleDomain, gasLimit);
        JsonValue verdict = null;
        if (v.status() == WasmVerdict.Status.VERDICT) {
            try {
                verdict = JsonParser.parse(v.output());
            } catch (DecodeException e) {
                err.println("aurum verify: the Wasm verifier wrote an unreadable verdict: " + e.getMessage());
                return 2;
            }
        }
        if (json) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("status", new JsonString(v.status().name().toLowerCase(java.util.Locale.ROOT)));
            m.put("module_sha256", new JsonString(host.moduleSha256()));
            m.put("metered_module_sha256", new JsonString(host.meteredModuleSha256()));
            m.put("gas_used", JsonValue.of(v.gasUsed()));
            m.put("gas_limit", JsonValue.of(v.gasLimit()));
            m.put("detail", new JsonString(v.detail()));
            m.put("verdict", verdict == null ? JsonValue.nul() : verdict);
            out.println(JsonWriter.toPrettyString(new JsonObject(m)));
        } else {
            printText(v, verdict, host, out);
        }
        out.flush();
        if (verdict == null) {
            return 2;
        }
        return isValid(verdict) ? 0 : 1;
    }

    private static boolean isValid(JsonValue verdict) {
        return verdict instanceof JsonObject o && JsonBool.TRUE.equals(o.get("valid"));
    }

    private static void printText(WasmVerdict v, JsonValue verdict, WasmVerifier host, PrintWriter out) {
        if (verdict == null) {
            out.println(v.status() == WasmVerdict.Status.OUT_OF_GAS ? "OUT OF GAS: no verdict, " + v.detail()
                    : "NO VERDICT (" + v.status() + "): " + v.detail());
        } else if (new JsonString("proof_bundle").equals(((JsonObject) verdict).get("kind"))) {
            JsonObject o = (JsonObject) verdict;
            out.println(isValid(verdict)
                    ? "VALID: proof bundle of golden hop " + JsonWriter.toCompactString(o.get("golden_hop"))
                            + ": every check without chain state passed and its trace replayed inside aurum-verifier.wasm"
                            + " (registered keys, slashing, epoch seed, target and the golden condition need the chain)"
                    : "INVALID: " + problem(o.get("problem")));
        } else if (isValid(verdict)) {
            JsonObject o = (JsonObject) verdict;
            out.println("VALID: " + count(o.get("hops")) + " hops verified inside aurum-verifier.wasm (java engine)");
        } else {
            out.println("INVALID: " + failure(((JsonObject) verdict).get("failure")));
        }
        out.println("module sha256 " + host.moduleSha256() + " (metered " + host.meteredModuleSha256() + ")");
        out.println("gas " + v.gasUsed() + " of limit " + v.gasLimit());
    }

    /** A bundle verdict's problem: check, hop (0 = the whole bundle) and detail. */
    private static String problem(JsonValue p) {
        if (!(p instanceof JsonObject o)) {
            return "(no problem recorded)";
        }
        int hop = integer(o.get("hop"));
        return text(o.get("check")) + (hop > 0 ? " at hop " + hop : "") + ": " + text(o.get("detail"));
    }

    private static int count(JsonValue array) {
        return array instanceof dev.aurum.aquavm.json.JsonArray a ? a.elements().size() : 0;
    }

    /** The failure as {@link Failure#describe()} words it. */
    private static String failure(JsonValue f) {
        if (!(f instanceof JsonObject o)) {
            return "(no failure recorded)";
        }
        try {
            return new Failure(integer(o.get("hop")), text(o.get("peer")), integer(o.get("round")),
                    Check.valueOf(text(o.get("check"))), text(o.get("instruction")), text(o.get("reason"))).describe();
        } catch (IllegalArgumentException e) {
            return JsonWriter.toCompactString(o);
        }
    }

    private static int integer(JsonValue v) {
        if (v instanceof JsonPosInt p) {
            return (int) p.bits();
        }
        if (v instanceof JsonNegInt n) {
            return (int) n.value();
        }
        throw new IllegalArgumentException("not an integer: " + v);
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw new IllegalArgumentException("not a string: " + v);
    }
}
