package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The services every peer of a differential network offers, chosen by service id so that a scenario
 * line needs no service set-up (the table is in docs/formats.md, "Differential scenarios"). Pure
 * functions of (peer, request): both engines see identical answers.
 */
final class CorpusServices {

    /** Upper bound for {@code big}: enough to cross any limit a scenario sets, small enough for the heap. */
    static final int MAX_BIG = 1 << 20;

    private CorpusServices() {
    }

    static CallServiceResult call(String peer, CallRequestParams req) {
        List<JsonValue> args = req.arguments();
        switch (req.serviceId()) {
            case "fail":
                return new CallServiceResult(7, "boom from " + peer);
            case "code": // ret_code and message from the arguments: ("code" "f") [n "msg"]
                return new CallServiceResult(args.isEmpty() ? 1 : (int) number(args.get(0), 1),
                        args.size() < 2 ? "failed" : text(args.get(1)));
            case "obj":
                return CallServiceResult.ok("{\"b\":1.50,\"a\":[1e3,-0.0,2.5e-7,18446744073709551615,-9223372036854775808],"
                        + "\"c\":{\"z\":null,\"y\":\"\\u00e9\\n/\\\"\"}}");
            case "notjson":
                return new CallServiceResult(0, "this is not json");
            case "raw": // the first argument is the result text, JSON or not; AIR literals have no escapes,
                // so ` stands for a double quote and ~ for a backslash
                return new CallServiceResult(0, args.isEmpty() ? "" : text(args.get(0)).replace('`', '"').replace('~', '\\'));
            case "big": // a JSON string of n 'x' characters
                return CallServiceResult.ok("\"" + "x".repeat((int) Math.min(MAX_BIG, number(args.isEmpty()
                        ? new JsonPosInt(0) : args.get(0), 0))) + "\"");
            case "peers": {
                List<JsonValue> ids = new ArrayList<>();
                for (String p : new String[] {"bob", "carol", "dave"}) {
                    ids.add(new JsonString(KeyPair.forTestName(p).peerId().toString()));
                }
                return CallServiceResult.ok(JsonWriter.toCompactString(new JsonArray(ids)));
            }
            case "args":
                return CallServiceResult.ok(JsonWriter.toCompactString(new JsonArray(args)));
            case "tetraplets": {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < req.tetraplets().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(req.tetraplets().get(i)).append('"');
                }
                return CallServiceResult.ok(sb.append(']').toString().replace("\\", ""));
            }
            default:
                return CallServiceResult.ok(args.isEmpty() ? "\"" + peer + "\"" : JsonWriter.toCompactString(args.get(0)));
        }
    }

    private static long number(JsonValue v, long otherwise) {
        return v instanceof JsonPosInt p && p.bits() >= 0 && p.bits() <= Integer.MAX_VALUE ? p.bits() : otherwise;
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.value() : JsonWriter.toCompactString(v);
    }
}
