package dev.aurum.vectors.sets;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.ParticleSignature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.vectors.HexText;
import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.vectors.transcript.InvokeLine;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code codec/*.jsonl}: known-answer vectors for each codec, one JSON object per line. Values that
 * AquaVM itself produces (data envelopes, rkyv data, call requests, value and tetraplet CIDs) are taken
 * from the scenarios' reference runs; the rest come from a seeded generator and the scenarios'
 * deterministic peer keys. Field meanings are in {@code docs/formats.md}, "Codec vectors".
 */
public final class CodecVectors implements VectorSet {

    public static final String DIRECTORY = "codec/";
    /** The seed of every random choice in this set. */
    static final long SEED = 0x5EED_0A0A_2026L;

    @Override
    public String name() {
        return "codec";
    }

    @Override
    public String description() {
        return "codec vectors: CIDs, PeerIds, nox header signatures, Borsh messages, msgpack sede, rkyv data";
    }

    @Override
    public SortedMap<String, byte[]> generate(VectorContext context) {
        List<FinalData> finals = finalData(context);
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(DIRECTORY + "cids.jsonl", cids(finals));
        files.put(DIRECTORY + "peer-ids.jsonl", peerIds());
        files.put(DIRECTORY + "nox-header-signatures.jsonl", headerSignatures());
        files.put(DIRECTORY + "borsh-messages.jsonl", borshMessages(finals));
        files.put(DIRECTORY + "msgpack-call-results.jsonl", callResults(context));
        files.put(DIRECTORY + "msgpack-call-requests.jsonl", callRequests(context));
        files.put(DIRECTORY + "msgpack-envelopes.jsonl", envelopes());
        files.put(DIRECTORY + "rkyv-data.jsonl", rkyvData(finals));
        return files;
    }

    /** The data each peer of each scenario ended with (its last invoke's outcome), from the reference engine. */
    record FinalData(String scenario, String peer, byte[] envelope, DataEnvelope decoded, InterpreterData data) {
    }

    static List<FinalData> finalData(VectorContext context) {
        List<FinalData> out = new ArrayList<>();
        for (String scenario : ScenarioCatalog.names()) {
            Map<String, byte[]> lastByPeer = new TreeMap<>();
            for (InvokeLine l : context.recorded(scenario).invokes()) {
                lastByPeer.put(l.params().currentPeerId(), l.out().data());
            }
            for (Map.Entry<String, byte[]> e : lastByPeer.entrySet()) {
                if (e.getValue().length == 0) {
                    continue;
                }
                try {
                    DataEnvelope env = DataEnvelope.decode(e.getValue());
                    out.add(new FinalData(scenario, e.getKey(), e.getValue(), env, InterpreterDataRkyv.decode(env.innerData())));
                } catch (DecodeException ex) {
                    throw new IllegalStateException("reference data of " + scenario + " at " + e.getKey()
                            + " does not decode: " + ex.getMessage(), ex);
                }
            }
        }
        return out;
    }

    private static byte[] cids(List<FinalData> finals) {
        TreeMap<String, String[]> byCid = new TreeMap<>();
        for (FinalData f : finals) {
            for (Map.Entry<String, String> v : f.data().cidInfo().valueStore().entrySet()) {
                byCid.putIfAbsent(v.getKey(), new String[] {"value", v.getValue()});
            }
            for (Map.Entry<String, SecurityTetraplet> t : f.data().cidInfo().tetrapletStore().entrySet()) {
                byCid.putIfAbsent(t.getKey(), new String[] {"tetraplet",
                        new String(Cid.tetrapletJson(t.getValue()), StandardCharsets.UTF_8)});
            }
        }
        JsonLines lines = new JsonLines();
        for (Map.Entry<String, String[]> e : byCid.entrySet()) {
            lines.line("source", "reference", "kind", e.getValue()[0], "hash", "blake3-256", "content", e.getValue()[1],
                    "cid", e.getKey(), "cid_bytes", HexText.of(cidBytes(e.getKey())));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < 8; i++) {
            byte[] content = new byte[random.nextInt(80)];
            random.nextBytes(content);
            for (Cid.HashFunction h : Cid.HashFunction.values()) {
                Cid cid = Cid.of(h, content);
                lines.line("source", "seeded", "kind", "bytes", "hash", h == Cid.HashFunction.BLAKE3_256 ? "blake3-256" : "sha2-256",
                        "content_hex", HexText.of(content), "cid", cid.toString(), "cid_bytes", HexText.of(cid.toBytes()));
            }
        }
        return lines.bytes();
    }

    private static byte[] cidBytes(String cid) {
        try {
            return Cid.parse(cid).toBytes();
        } catch (DecodeException e) {
            throw new IllegalStateException("reference CID " + cid + " does not parse: " + e.getMessage(), e);
        }
    }

    /** Every peer name used by the scenarios, plus seeded random seeds. */
    private static byte[] peerIds() {
        TreeSet<String> names = new TreeSet<>();
        for (String s : ScenarioCatalog.names()) {
            for (Scenario.PeerSpec p : ScenarioCatalog.load(s).peers()) {
                names.add(p.name());
            }
        }
        JsonLines lines = new JsonLines();
        for (String name : names) {
            peerLine(lines, name, sha256(name.getBytes(StandardCharsets.UTF_8)));
        }
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 6; i++) {
            byte[] seed = new byte[KeyPair.SEED_LENGTH];
            random.nextBytes(seed);
            peerLine(lines, "", seed);
        }
        return lines.bytes();
    }

    private static void peerLine(JsonLines lines, String name, byte[] seed) {
        KeyPair keys = KeyPair.fromSeed(seed);
        lines.line("name", name, "seed", HexText.of(seed), "public_key", HexText.of(keys.publicKey().toRawBytes()),
                "public_key_fluence", HexText.of(keys.publicKey().toFluenceBytes()),
                "peer_id", keys.peerId().toString(), "peer_id_bytes", HexText.of(keys.peerId().toBytes()));
    }

    /** The init peer's signature over each scenario's particle, plus a few seeded particles. */
    private static byte[] headerSignatures() {
        JsonLines lines = new JsonLines();
        for (String s : ScenarioCatalog.names()) {
            Scenario scenario = ScenarioCatalog.load(s);
            ParticleHeader h = scenario.particle().header();
            headerLine(lines, s, scenario.initPeer(), h.id(), h.timestamp(), h.ttl(), h.script());
            if (!ParticleSignatureCheck.matches(h)) {
                throw new IllegalStateException("particle-proofs and the core sign " + s + " differently");
            }
        }
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 4; i++) {
            long timestamp = random.nextLong() >>> 1;
            long ttl = random.nextInt() & 0xFFFF_FFFFL;
            headerLine(lines, "", "seeded-" + i, "particle-" + Long.toHexString(random.nextLong()), timestamp, ttl,
                    "(call %init_peer_id% (\"s\" \"f\") [" + i + "] x)");
        }
        return lines.bytes();
    }

    private static void headerLine(JsonLines lines, String scenario, String initName, String id, long timestamp,
                                   long ttl, String script) {
        KeyPair keys = KeyPair.forTestName(initName);
        byte[] signed = ParticleSignature.signedBytes(id, timestamp, (int) ttl, script);
        lines.line("scenario", scenario, "init_seed", HexText.of(sha256(initName.getBytes(StandardCharsets.UTF_8))),
                "init_peer_id", keys.peerId().toString(), "particle_id", id, "timestamp", timestamp, "ttl", ttl,
                "script", script, "signed_bytes", HexText.of(signed),
                "signature", HexText.of(ParticleSignature.sign(keys, id, timestamp, (int) ttl, script).toRawBytes()));
    }

    /** Borsh (CID list, particle id) messages over each scenario's value CIDs, signed with a scenario peer's key. */
    private static byte[] borshMessages(List<FinalData> finals) {
        JsonLines lines = new JsonLines();
        TreeSet<String> seen = new TreeSet<>();
        for (FinalData f : finals) {
            if (!seen.add(f.scenario())) {
                continue;
            }
            List<String> cids = new ArrayList<>(f.data().cidInfo().valueStore().keySet());
            String particleId = ScenarioCatalog.load(f.scenario()).particleId();
            String signer = "signer-" + f.scenario();
            KeyPair keys = KeyPair.forTestName(signer);
            lines.line("cids", JsonValue.array(strings(cids)), "particle_id", particleId,
                    "message", HexText.of(DataSignatureMessage.of(cids, particleId)),
                    "signer_seed", HexText.of(sha256(signer.getBytes(StandardCharsets.UTF_8))),
                    "signature", HexText.of(DataSignatureMessage.sign(keys, cids, particleId).toRawBytes()));
        }
        // duplicates are kept and the order is by bytes: a multiset, as AquaVM signs it
        List<String> dup = List.of("bz", "ba", "bz", "b\u00e9");
        lines.line("cids", JsonValue.array(strings(dup)), "particle_id", "",
                "message", HexText.of(DataSignatureMessage.of(dup, "")),
                "signer_seed", HexText.of(sha256("dup".getBytes(StandardCharsets.UTF_8))),
                "signature", HexText.of(DataSignatureMessage.sign(KeyPair.forTestName("dup"), dup, "").toRawBytes()));
        return lines.bytes();
    }

    private static List<JsonValue> strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        for (String v : values) {
            out.add(JsonValue.of(v));
        }
        return out;
    }

    /** Every distinct call-results map the scenarios' hosts sent (our encoder; the reference accepted each). */
    private static byte[] callResults(VectorContext context) {
        TreeMap<String, SortedMap<String, CallServiceResult>> distinct = new TreeMap<>();
        for (String s : ScenarioCatalog.names()) {
            for (InvokeLine l : context.recorded(s).invokes()) {
                try {
                    distinct.putIfAbsent(HexText.of(l.callResults()), CallResults.decode(l.callResults()));
                } catch (DecodeException e) {
                    throw new IllegalStateException("call results of " + s + " do not decode: " + e.getMessage(), e);
                }
            }
        }
        JsonLines lines = new JsonLines();
        for (Map.Entry<String, SortedMap<String, CallServiceResult>> e : distinct.entrySet()) {
            Map<String, JsonValue> results = new LinkedHashMap<>();
            for (Map.Entry<String, CallServiceResult> r : e.getValue().entrySet()) {
                results.put(r.getKey(), JsonValue.object(Map.of("ret_code", JsonValue.of(r.getValue().retCode()),
                        "result", JsonValue.of(r.getValue().result()))));
            }
            lines.line("bytes", e.getKey(), "results", JsonValue.object(results));
        }
        return lines.bytes();
    }

    /** Every distinct non-empty call-requests map the reference engine emitted, with its decoded form. */
    private static byte[] callRequests(VectorContext context) {
        TreeMap<String, SortedMap<Long, CallRequestParams>> distinct = new TreeMap<>();
        for (String s : ScenarioCatalog.names()) {
            for (InvokeLine l : context.recorded(s).invokes()) {
                InterpreterOutcome o = l.out();
                try {
                    SortedMap<Long, CallRequestParams> decoded = CallRequests.decode(o.callRequests());
                    if (!decoded.isEmpty()) {
                        distinct.putIfAbsent(HexText.of(o.callRequests()), decoded);
                    }
                } catch (DecodeException e) {
                    throw new IllegalStateException("call requests of " + s + " do not decode: " + e.getMessage(), e);
                }
            }
        }
        JsonLines lines = new JsonLines();
        for (Map.Entry<String, SortedMap<Long, CallRequestParams>> e : distinct.entrySet()) {
            Map<String, JsonValue> requests = new LinkedHashMap<>();
            for (Map.Entry<Long, CallRequestParams> r : e.getValue().entrySet()) {
                requests.put(Long.toString(r.getKey()), requestJson(r.getValue()));
            }
            lines.line("bytes", e.getKey(), "requests", JsonValue.object(requests));
        }
        return lines.bytes();
    }

    static JsonValue requestJson(CallRequestParams r) {
        List<JsonValue> tetraplets = new ArrayList<>();
        for (List<SecurityTetraplet> perArg : r.tetraplets()) {
            List<JsonValue> ts = new ArrayList<>();
            for (SecurityTetraplet t : perArg) {
                ts.add(JsonValue.object(Map.of("peer_pk", JsonValue.of(t.peerPk()), "service_id", JsonValue.of(t.serviceId()),
                        "function_name", JsonValue.of(t.functionName()), "lens", JsonValue.of(t.lens()))));
            }
            tetraplets.add(JsonValue.array(ts));
        }
        return JsonValue.object(Map.of("service_id", JsonValue.of(r.serviceId()), "function_name", JsonValue.of(r.functionName()),
                "arguments", JsonValue.array(r.arguments()), "tetraplets", JsonValue.array(tetraplets)));
    }

    /** Seeded data envelopes: version strings and inner bytes of several lengths (msgpack bin8/bin16 boundaries). */
    private static byte[] envelopes() {
        JsonLines lines = new JsonLines();
        Random random = new Random(SEED + 3);
        int[] sizes = {0, 1, 31, 255, 256, 300};
        String[][] versions = {{"0.17.2", "0.62.0"}, {"0.17.2", "0.61.0"}, {"1.2.3-rc.1", "0.62.0+build"}};
        for (int i = 0; i < sizes.length; i++) {
            byte[] inner = new byte[sizes[i]];
            random.nextBytes(inner);
            String[] v = versions[i % versions.length];
            lines.line("version", v[0], "interpreter_version", v[1], "inner_data", HexText.of(inner),
                    "bytes", HexText.of(new DataEnvelope(v[0], v[1], inner).encode()));
        }
        return lines.bytes();
    }

    /** Each scenario peer's final data: the reference's envelope, our canonical rkyv re-encoding, the human-readable text. */
    private static byte[] rkyvData(List<FinalData> finals) {
        JsonLines lines = new JsonLines();
        for (FinalData f : finals) {
            lines.line("scenario", f.scenario(), "peer", f.peer(), "envelope", HexText.of(f.envelope()),
                    "version", f.decoded().version(), "interpreter_version", f.decoded().interpreterVersion(),
                    "canonical_inner_data", HexText.of(InterpreterDataRkyv.encode(f.data())),
                    "human_readable", InterpreterDataJson.humanReadable(f.decoded().version(),
                            f.decoded().interpreterVersion(), f.data()));
        }
        return lines.bytes();
    }

    static byte[] sha256(byte[] in) {
        SHA256Digest d = new SHA256Digest();
        d.update(in, 0, in.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Cross-check while generating: the runtime's header signature equals the core's nox signature. */
    private static final class ParticleSignatureCheck {
        static boolean matches(ParticleHeader h) {
            try {
                return ParticleSignature.verify(dev.aurum.aquavm.crypto.PeerId.parse(h.initPeerId()),
                        dev.aurum.aquavm.crypto.Signature.fromRawBytes(h.signature()), h.id(), h.timestamp(), (int) h.ttl(),
                        h.script());
            } catch (DecodeException e) {
                return false;
            }
        }
    }
}
