package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single invokes with unusual or hostile inputs (size limits, broken envelopes and data, tampered
 * stores and signatures, bad keys, unused call results) on both engines: same ret_code, same outcome
 * flags, same message class (the text before the first colon), same data.
 */
class PreparationDifferentialTest {

    private static AquaVm reference;
    private static final AquaVm JAVA = new JavaAquaVm();
    private static final String ALICE = KeyPair.forTestName("alice").peerId().toString();
    private static final String BOB = KeyPair.forTestName("bob").peerId().toString();
    private static byte[] bobData;

    @BeforeAll
    static void setUp() {
        reference = new ReferenceAquaVm();
        // bob's data after executing a call for alice: real stores and signatures
        String air = "(seq (call \"" + BOB + "\" (\"s\" \"f\") [] x) (call \"" + ALICE + "\" (\"s\" \"f\") [x] y))";
        InterpreterOutcome first = reference.invoke(air, new byte[0], new byte[0], params("bob", 0), results(Map.of()));
        bobData = reference.invoke(air, first.data(), new byte[0], params("bob", 0),
                results(Map.of("1", CallServiceResult.ok("{\"v\":[1,2]}")))).data();
    }

    static final String AIR = "(seq (call \"BOB\" (\"s\" \"f\") [] x) (call \"ALICE\" (\"s\" \"f\") [x] y))";

    static String air() {
        return AIR.replace("BOB", BOB).replace("ALICE", ALICE);
    }

    static RunParameters params(String peer, int keyFormat) {
        return new RunParameters(ALICE, KeyPair.forTestName(peer).peerId().toString(), 1_700_000_000_000L, 60_000,
                keyFormat, seed(peer), "particle-1", RunParameters.DEFAULT_AIR_SIZE_LIMIT,
                RunParameters.DEFAULT_PARTICLE_SIZE_LIMIT, RunParameters.DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
    }

    static byte[] seed(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.bouncycastle.crypto.digests.SHA256Digest d = new org.bouncycastle.crypto.digests.SHA256Digest();
        d.update(utf8, 0, utf8.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    static RunParameters limits(RunParameters p, long air, long particle, long callResult, boolean hard) {
        return new RunParameters(p.initPeerId(), p.currentPeerId(), p.timestamp(), p.ttl(), p.keyFormat(),
                p.secretKeyBytes(), p.particleId(), air, particle, callResult, hard);
    }

    static byte[] results(Map<String, CallServiceResult> r) {
        return CallResults.encode(new TreeMap<>(r));
    }

    static byte[] withData(InterpreterData data) {
        return new DataEnvelope("0.17.2", "0.62.0", InterpreterDataRkyv.encode(data)).encode();
    }

    static InterpreterData decode(byte[] env) {
        try {
            return InterpreterDataRkyv.decode(DataEnvelope.decode(env).innerData());
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static void same(String what, String air, byte[] prev, byte[] current, RunParameters p, byte[] callResults) {
        InterpreterOutcome r = reference.invoke(air, prev, current, p, callResults);
        InterpreterOutcome j = JAVA.invoke(air, prev, current, p, callResults);
        assertEquals(r.retCode(), j.retCode(), what + ": ret_code; reference: " + r.errorMessage() + "\njava: "
                + j.errorMessage());
        assertEquals(messageClass(r.errorMessage()), messageClass(j.errorMessage()), what + ": message class; "
                + "reference: " + r.errorMessage() + "\njava: " + j.errorMessage());
        assertEquals(r.airSizeLimitExceeded(), j.airSizeLimitExceeded(), what + ": air flag");
        assertEquals(r.particleSizeLimitExceeded(), j.particleSizeLimitExceeded(), what + ": particle flag");
        assertEquals(r.callResultSizeLimitExceeded(), j.callResultSizeLimitExceeded(), what + ": call result flag");
        if (r.data().length == 0 || j.data().length == 0 || r.retCode() < 10000 && r.retCode() != 0) {
            assertEquals(new String(r.data(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(j.data(), java.nio.charset.StandardCharsets.ISO_8859_1), what + ": data bytes");
        } else {
            assertEquals(decode(r.data()), decode(j.data()), what + ": data");
        }
    }

    @Test
    void unprocessedCallResultsMessageIsExact() {
        byte[] rs = results(Map.of("7", CallServiceResult.ok("\"a\\\"b\"")));
        InterpreterOutcome r = reference.invoke("(null)", new byte[0], new byte[0], params("alice", 0), rs);
        InterpreterOutcome j = JAVA.invoke("(null)", new byte[0], new byte[0], params("alice", 0), rs);
        assertEquals(r.errorMessage(), j.errorMessage());
    }

    private static String messageClass(String message) {
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }

    @Test
    void unprocessedCallResults() {
        same("unprocessed", "(null)", new byte[0], new byte[0], params("alice", 0),
                results(Map.of("7", CallServiceResult.ok("1"))));
    }

    @Test
    void sizeLimits() {
        RunParameters p = params("alice", 0);
        same("air soft", air(), new byte[0], bobData, limits(p, 10, 1 << 20, 1 << 20, false), results(Map.of()));
        same("air hard", air(), new byte[0], bobData, limits(p, 10, 1 << 20, 1 << 20, true), results(Map.of()));
        same("particle soft", air(), new byte[0], bobData, limits(p, 1 << 20, 10, 1 << 20, false), results(Map.of()));
        same("particle hard", air(), new byte[0], bobData, limits(p, 1 << 20, 10, 1 << 20, true), results(Map.of()));
        byte[] big = results(Map.of("1", CallServiceResult.ok("\"" + "x".repeat(100) + "\"")));
        same("call result soft", "(null)", new byte[0], new byte[0], limits(p, 1 << 20, 1 << 20, 10, false), big);
        same("call result hard", "(null)", new byte[0], new byte[0], limits(p, 1 << 20, 1 << 20, 10, true), big);
    }

    @Test
    void brokenInputs() {
        RunParameters p = params("alice", 0);
        same("envelope garbage", air(), new byte[0], new byte[] {1, 2, 3}, p, results(Map.of()));
        same("prev envelope garbage", air(), new byte[] {(byte) 0x80}, new byte[0], p, results(Map.of()));
        same("old interpreter", air(), new byte[0], new DataEnvelope("0.17.2", "0.60.0",
                InterpreterDataRkyv.encode(InterpreterData.EMPTY)).encode(), p, results(Map.of()));
        same("inner garbage", air(), new byte[0], new DataEnvelope("0.17.2", "0.62.0", new byte[] {1, 2, 3})
                .encode(), p, results(Map.of()));
        dev.aurum.aquavm.msgpack.MsgpackWriter w = new dev.aurum.aquavm.msgpack.MsgpackWriter();
        w.writeMapHeader(3);
        w.writeString("version").writeString("0.17.2");
        w.writeString("interpreter_version").writeString("0.62.0");
        w.writeString("inner_data").writeString("not binary");
        same("inner_data as a msgpack str", air(), new byte[0], w.toByteArray(), p, results(Map.of()));
        dev.aurum.aquavm.msgpack.MsgpackWriter w2 = new dev.aurum.aquavm.msgpack.MsgpackWriter();
        w2.writeMapHeader(3);
        w2.writeString("version").writeString("0.17.2");
        w2.writeString("interpreter_version").writeString("0.62.0");
        w2.writeString("inner_data").writeUnsigned(5);
        same("envelope with readable versions", air(), new byte[0], w2.toByteArray(), p, results(Map.of()));
        same("call results garbage", air(), new byte[0], new byte[0], p, new byte[] {1, 2});
        same("key format", air(), new byte[0], new byte[0], params("alice", 1), results(Map.of()));
        same("parse error", "(seq", new byte[0], new byte[0], p, results(Map.of()));
    }

    @Test
    void honestDataIsAccepted() {
        same("bob's data at alice", air(), new byte[0], bobData, params("alice", 0), results(Map.of()));
    }

    @Test
    void tamperedStoresAndSignatures() {
        InterpreterData d = decode(bobData);
        CidInfo info = d.cidInfo();
        // a value store entry whose text no longer hashes to its CID
        Map<String, String> values = new TreeMap<>(info.valueStore());
        String key = values.keySet().iterator().next();
        values.put(key, "{\"v\":[1,3]}");
        InterpreterData badValue = new InterpreterData(d.trace(), d.lastCallRequestId(), new CidInfo(values,
                info.tetrapletStore(), info.canonElementStore(), info.canonResultStore(), info.serviceResultStore()),
                d.signatures());
        same("tampered value", air(), new byte[0], withData(badValue), params("alice", 0), results(Map.of()));
        // no signatures at all: bob's CIDs belong to no key
        InterpreterData unsigned = new InterpreterData(d.trace(), d.lastCallRequestId(), info, SignatureStore.EMPTY);
        same("unsigned", air(), new byte[0], withData(unsigned), params("alice", 0), results(Map.of()));
        // bob's signature replaced by alice's key and signature over nothing
        byte[] aliceOwn = JAVA.invoke("(null)", new byte[0], new byte[0], params("alice", 0), results(Map.of())).data();
        InterpreterData foreign = new InterpreterData(d.trace(), d.lastCallRequestId(), info,
                decode(aliceOwn).signatures());
        same("foreign signature", air(), new byte[0], withData(foreign), params("alice", 0), results(Map.of()));
        // a missing store entry referenced from the trace
        InterpreterData missing = new InterpreterData(d.trace(), d.lastCallRequestId(), new CidInfo(info.valueStore(),
                info.tetrapletStore(), info.canonElementStore(), info.canonResultStore(), Map.of()), d.signatures());
        // avm.wasm traps here (DataVerifier expects a checked store); we return a typed error instead
        org.junit.jupiter.api.Assertions.assertThrows(dev.aurum.aquavm.reference.AvmTrapException.class,
                () -> reference.invoke(air(), new byte[0], withData(missing), params("alice", 0), results(Map.of())));
        InterpreterOutcome j = JAVA.invoke(air(), new byte[0], withData(missing), params("alice", 0),
                results(Map.of()));
        assertEquals(8, j.retCode(), j.errorMessage());
    }
}
