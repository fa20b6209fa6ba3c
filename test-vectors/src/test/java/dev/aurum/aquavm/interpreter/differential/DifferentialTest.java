package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.interpreter.TestNetwork;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the same multi-hop scenarios on the Java interpreter and on the real avm.wasm 0.62.0 and compares
 * every step semantically: ret_code, error message, decoded call requests, next peers as a set, and the
 * decoded data (trace, lcid, CID stores, signatures). Byte equality of data is not required: AquaVM
 * archives hash maps in process-random order.
 */
class DifferentialTest {

    private static final String[] PEERS = {"alice", "bob", "carol", "dave"};
    private static AquaVm reference;

    @BeforeAll
    static void loadReference() {
        reference = new ReferenceAquaVm();
    }

    /** Deterministic services: behaviour chosen by service id. */
    static CallServiceResult service(String peer, CallRequestParams req) {
        switch (req.serviceId()) {
            case "fail":
                return new CallServiceResult(7, "boom from " + peer);
            case "obj":
                return CallServiceResult.ok("{\"b\":1.50,\"a\":[1e3,-0.0,2.5e-7,18446744073709551615,-9223372036854775808],"
                        + "\"c\":{\"z\":null,\"y\":\"\\u00e9\\n/\\\"\"}}");
            case "notjson":
                return new CallServiceResult(0, "this is not json");
            case "peers": {
                List<JsonValue> ids = new ArrayList<>();
                for (String p : new String[] {"bob", "carol", "dave"}) {
                    ids.add(new JsonString(dev.aurum.aquavm.crypto.KeyPair.forTestName(p).peerId().toString()));
                }
                return CallServiceResult.ok(JsonWriter.toCompactString(new JsonArray(ids)));
            }
            case "args":
                return CallServiceResult.ok(JsonWriter.toCompactString(new JsonArray(req.arguments())));
            case "tetraplets": {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < req.tetraplets().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(req.tetraplets().get(i)).append('"');
                }
                return CallServiceResult.ok(sb.append(']').toString().replace("\\", ""));
            }
            default:
                return CallServiceResult.ok(req.arguments().isEmpty() ? "\"" + peer + "\""
                        : JsonWriter.toCompactString(req.arguments().get(0)));
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("local call", "(call %init_peer_id% (\"s\" \"f\") [\"hi\"] x)"),
                Arguments.of("hop and back", "(seq (call \"@bob\" (\"s\" \"f\") [] x)"
                        + " (call %init_peer_id% (\"s\" \"f\") [x] y))"),
                Arguments.of("unused output and literal args", "(seq (call \"@bob\" (\"s\" \"f\") [1 -2 1.5 true [] %ttl%])"
                        + " (call %init_peer_id% (\"args\" \"f\") [%init_peer_id% %timestamp% \"lit\"] z))"),
                Arguments.of("fork join with fold and canon",
                        "(seq (seq (call %init_peer_id% (\"peers\" \"f\") [] ps)"
                        + " (fold ps p (par (call p (\"s\" \"f\") [p] $r) (next p))))"
                        + " (seq (canon %init_peer_id% $r #res) (call %init_peer_id% (\"args\" \"f\") [#res #res.$.[0]] out)))"),
                Arguments.of("xor catches failed service",
                        "(xor (call %init_peer_id% (\"fail\" \"f\") [] x)"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error% :error:.$.error_code] y))"),
                Arguments.of("uncaught failed service", "(call %init_peer_id% (\"fail\" \"f\") [] x)"),
                Arguments.of("non json result", "(xor (call %init_peer_id% (\"notjson\" \"f\") [] x)"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error%.$.message] y))"),
                Arguments.of("ap match mismatch", "(seq (seq (ap 1 a) (ap \"x\" $s))"
                        + " (seq (match a 1 (ap a $s)) (xor (mismatch a 1 (null))"
                        + " (seq (canon %init_peer_id% $s #s) (call %init_peer_id% (\"args\" \"f\") [:error: %last_error% #s] r)))))"),
                Arguments.of("fail forms", "(seq (xor (fail 42 \"custom\") (call %init_peer_id% (\"args\" \"f\") [%last_error%] a))"
                        + " (xor (xor (call %init_peer_id% (\"fail\" \"f\") [] x) (fail :error:))"
                        + " (call %init_peer_id% (\"args\" \"f\") [:error:] b)))"),
                Arguments.of("fold over stream with next and last",
                        "(seq (seq (ap 1 $s) (ap 2 $s)) (seq (fold $s i (seq (call %init_peer_id% (\"s\" \"f\") [i] $o)"
                        + " (next i)) (call %init_peer_id% (\"s\" \"f\") [i] $o)) (canon %init_peer_id% $o #o)))"),
                Arguments.of("stream across peers and generations",
                        "(seq (par (call \"@bob\" (\"s\" \"f\") [] $s) (call \"@carol\" (\"s\" \"f\") [] $s))"
                        + " (seq (call %init_peer_id% (\"s\" \"f\") [] $s)"
                        + " (fold $s v (seq (call %init_peer_id% (\"args\" \"f\") [v] $w) (next v)))))"),
                Arguments.of("new scalar and restricted stream",
                        "(seq (new $s (seq (ap 5 $s) (seq (canon %init_peer_id% $s #c) (ap #c x))))"
                        + " (new y (seq (ap 7 y) (call %init_peer_id% (\"args\" \"f\") [x y] z))))"),
                Arguments.of("lenses and length", "(seq (call %init_peer_id% (\"args\" \"f\") [[] 3] a)"
                        + " (seq (ap a.$.[1] b) (seq (canon %init_peer_id% $nothing #n)"
                        + " (call %init_peer_id% (\"tetraplets\" \"f\") [a.$.[1] a.length b #n] c))))"),
                Arguments.of("stream map and canon map",
                        "(seq (seq (ap (\"k\" 1) %m) (seq (ap (\"k\" 2) %m) (ap (3 \"three\") %m)))"
                        + " (seq (canon %init_peer_id% %m #%cm) (seq (canon %init_peer_id% %m sc)"
                        + " (call %init_peer_id% (\"args\" \"f\") [#%cm #%cm.$.k #%cm.$.k.[1] #%cm.length sc] r))))"),
                Arguments.of("remote canon", "(seq (ap 1 $s) (seq (canon \"@bob\" $s #c)"
                        + " (call %init_peer_id% (\"args\" \"f\") [#c] r)))"),
                Arguments.of("recursive stream fold", "(seq (ap 1 $s) (fold $s i (seq (xor (match i 3 (null))"
                        + " (seq (call %init_peer_id% (\"args\" \"f\") [i] r) (ap 3 $s))) (next i))))"),
                Arguments.of("xor in par with failing branch", "(seq (par (xor (call \"@bob\" (\"fail\" \"f\") [] x)"
                        + " (call \"@bob\" (\"args\" \"f\") [%last_error%.$.error_code] y))"
                        + " (call \"@carol\" (\"fail\" \"f\") [] z)) (call %init_peer_id% (\"s\" \"f\") [] w))"),
                Arguments.of("lcid continues", "(seq (seq (call %init_peer_id% (\"s\" \"f\") [1] a)"
                        + " (call \"@bob\" (\"s\" \"f\") [a] b)) (seq (call %init_peer_id% (\"s\" \"f\") [b] c)"
                        + " (par (call %init_peer_id% (\"s\" \"f\") [2] d) (call %init_peer_id% (\"s\" \"f\") [3] e))))"),
                Arguments.of("failed state replayed elsewhere", "(seq (xor (call %init_peer_id% (\"fail\" \"f\") [] x) (null))"
                        + " (seq (call \"@bob\" (\"s\" \"f\") [] y) (call %init_peer_id% (\"s\" \"f\") [y] z)))"),
                Arguments.of("fail with scalar and last_error", "(seq (call %init_peer_id% (\"args\" \"f\") [] e0)"
                        + " (seq (null) (xor (seq (xor (fail 5 \"five\") (fail %last_error%)) (null))"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error% :error:] r))))"),
                Arguments.of("error object scalar", "(seq (call %init_peer_id% (\"s\" \"f\") [\"m\"] m)"
                        + " (xor (seq (call %init_peer_id% (\"fail\" \"f\") [] x) (null))"
                        + " (seq (ap :error: e) (xor (fail e) (call %init_peer_id% (\"args\" \"f\") [e %last_error%] r)))))"),
                Arguments.of("fold over canon map and stream map", "(seq (seq (ap (\"a\" 1) %m) (ap (\"b\" 2) %m))"
                        + " (seq (canon %init_peer_id% %m #%c) (seq (fold #%c kv (seq (call %init_peer_id% (\"args\" \"f\") [kv kv.$.key] $r)"
                        + " (next kv))) (fold %m kv2 (seq (call %init_peer_id% (\"args\" \"f\") [kv2.$.value] $q) (next kv2))))))"),
                Arguments.of("iterator lenses and shadowing in fold", "(seq (call %init_peer_id% (\"args\" \"f\") [\"a\" \"b\"] xs)"
                        + " (fold xs x (seq (seq (ap x y) (call %init_peer_id% (\"tetraplets\" \"f\") [x y xs.$.[0]] t)) (next x))))"),
                Arguments.of("join on undefined arg at remote peer", "(par (seq (call \"@carol\" (\"s\" \"f\") [] c)"
                        + " (call %init_peer_id% (\"s\" \"f\") [c] v)) (seq (call \"@bob\" (\"s\" \"f\") [v] r)"
                        + " (call \"@dave\" (\"s\" \"f\") [r] w)))"),
                Arguments.of("canon length and element lens", "(seq (seq (ap 1 $r) (ap 2 $r)) (seq (canon %init_peer_id% $r #res)"
                        + " (call %init_peer_id% (\"tetraplets\" \"f\") [#$res.length #res.$.[1] #res] o)))"),
                Arguments.of("triplet from variables", "(seq (call %init_peer_id% (\"args\" \"f\") [\"@bob\" \"svc\"] t)"
                        + " (seq (call t.$.[0] (t.$.[1] \"f\") [] r) (xor (call t (\"s\" \"f\") [] q)"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error%] w))))"),
                Arguments.of("length errors and fold non array", "(seq (ap 5 n) (seq (xor (ap n.length l)"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error%] a)) (xor (fold n i (null))"
                        + " (call %init_peer_id% (\"args\" \"f\") [%last_error%] b))))"),
                Arguments.of("canon map scalar first wins", "(seq (seq (ap (\"k\" 1) %m) (seq (ap (\"k\" 2) %m) (ap (1 \"one\") %m)))"
                        + " (seq (canon \"@bob\" %m sc) (call %init_peer_id% (\"args\" \"f\") [sc] r)))"),
                Arguments.of("new stream in fold", "(seq (call %init_peer_id% (\"args\" \"f\") [1 2] xs)"
                        + " (fold xs x (seq (new $acc (seq (ap x $acc) (seq (call \"@bob\" (\"s\" \"f\") [x] $acc)"
                        + " (seq (canon \"@bob\" $acc #a) (call %init_peer_id% (\"args\" \"f\") [#a] $out))))) (next x))))"),
                Arguments.of("never and null in par", "(par (never) (seq (null) (call %init_peer_id% (\"s\" \"f\") [] x)))"),
                Arguments.of("iterable shadowing is uncatchable", "(seq (call %init_peer_id% (\"args\" \"f\") [1] xs)"
                        + " (fold xs x (xor (call %init_peer_id% (\"s\" \"f\") [] x) (null))))"),
                Arguments.of(":error: after fail and match", "(seq (xor (fail 42 \"custom\")"
                        + " (call %init_peer_id% (\"args\" \"f\") [:error: %last_error%] a))"
                        + " (seq (xor (match 1 2 (null)) (call %init_peer_id% (\"args\" \"f\") [:error: %last_error%] b))"
                        + " (par (xor (call %init_peer_id% (\"fail\" \"f\") [] c) (null))"
                        + " (call %init_peer_id% (\"args\" \"f\") [:error: %last_error%] d))))"),
                Arguments.of("remote canon replay and canon sent_by", "(seq (par (ap 1 $s) (call \"@bob\" (\"s\" \"f\") [] $s))"
                        + " (seq (canon \"@carol\" $s #cs) (seq (call \"@dave\" (\"args\" \"f\") [#cs] r)"
                        + " (call %init_peer_id% (\"args\" \"f\") [r #cs] q))))"),
                Arguments.of("object result with floats and unsorted keys", "(seq (call \"@bob\" (\"obj\" \"f\") [] o)"
                        + " (seq (ap o.$.a $s) (seq (canon %init_peer_id% $s #cs)"
                        + " (fold #cs el (seq (call %init_peer_id% (\"tetraplets\" \"f\") [el.$.[1] o.$.c.y el] $t) (next el))))))"),
                Arguments.of("errors as values", "(seq (xor (call %init_peer_id% (\"fail\" \"f\") [] x)"
                        + " (seq (ap :error:.$.message $m) (ap %last_error% le))) (seq (canon %init_peer_id% $m #msgs)"
                        + " (call %init_peer_id% (\"tetraplets\" \"f\") [#msgs le le.$.peer_id] r)))"),
                Arguments.of("parse error", "(seq (null)"),
                Arguments.of("shadowing is uncatchable", "(seq (ap 1 x) (xor (ap 2 x) (null)))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameOutcomesAsReference(String name, String air) {
        TestNetwork java = new TestNetwork(new JavaAquaVm(), DifferentialTest::service, PEERS);
        TestNetwork ref = new TestNetwork(reference, DifferentialTest::service, PEERS);
        java.run("alice", air, 60);
        ref.run("alice", air, 60);
        List<TestNetwork.Step> js = java.steps();
        List<TestNetwork.Step> rs = ref.steps();
        for (int i = 0; i < Math.min(js.size(), rs.size()); i++) {
            compare(name + " step " + i + " on " + rs.get(i).peer(), js.get(i), rs.get(i));
        }
        assertEquals(rs.size(), js.size(), name + ": number of steps");
    }

    private static void compare(String where, TestNetwork.Step java, TestNetwork.Step ref) {
        InterpreterOutcome j = java.outcome();
        InterpreterOutcome r = ref.outcome();
        assertEquals(ref.peer(), java.peer(), where + ": peer");
        assertEquals(r.retCode(), j.retCode(), where + ": ret_code; reference message: " + r.errorMessage()
                + "\njava message: " + j.errorMessage());
        assertEquals(r.errorMessage(), j.errorMessage(), where + ": error message");
        assertEquals(new TreeSet<>(r.nextPeerPks()), new TreeSet<>(j.nextPeerPks()), where + ": next peers");
        assertEquals(ref.requests(), java.requests(), where + ": call requests");
        InterpreterData rd = decode(r.data());
        InterpreterData jd = decode(j.data());
        if (rd == null || jd == null) {
            assertEquals(r.data().length, j.data().length, where + ": data presence");
            return;
        }
        if (!rd.equals(jd)) {
            fail(where + ": data differs\nreference: " + JsonWriter.toPrettyString(InterpreterDataJson.toJson(rd))
                    + "\njava:      " + JsonWriter.toPrettyString(InterpreterDataJson.toJson(jd)));
        }
    }

    private static InterpreterData decode(byte[] envelope) {
        if (envelope.length == 0) {
            return null;
        }
        try {
            return InterpreterDataRkyv.decode(DataEnvelope.decode(envelope).innerData());
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }
}
