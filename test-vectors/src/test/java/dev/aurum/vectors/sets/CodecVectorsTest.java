package dev.aurum.vectors.sets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.ParticleSignature;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.vectors.HexText;
import dev.aurum.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Checks every committed codec vector against the codecs, and, where the vector came from avm.wasm,
 * against avm.wasm itself (CIDs of its stores, its human-readable text).
 */
class CodecVectorsTest {

    private static String s(JsonObject o, String key) {
        return ((JsonString) o.get(key)).value();
    }

    private static byte[] hex(JsonObject o, String key) throws DecodeException {
        return HexText.parse(s(o, key), "test", key);
    }

    private static List<JsonObject> lines(String file) throws DecodeException {
        List<JsonObject> l = VectorFiles.jsonLines("codec/" + file);
        assertTrue(l.size() >= 5, file + " has only " + l.size() + " vectors");
        return l;
    }

    @Test
    void cids() throws DecodeException {
        int fromReference = 0;
        for (JsonObject v : lines("cids.jsonl")) {
            byte[] content = v.get("content_hex") != null ? hex(v, "content_hex") : s(v, "content").getBytes(StandardCharsets.UTF_8);
            Cid.HashFunction h = s(v, "hash").equals("blake3-256") ? Cid.HashFunction.BLAKE3_256 : Cid.HashFunction.SHA2_256;
            Cid cid = Cid.of(h, content);
            assertEquals(s(v, "cid"), cid.toString(), v.toString());
            assertArrayEquals(hex(v, "cid_bytes"), Cid.parse(s(v, "cid")).toBytes());
            assertEquals(cid, Cid.fromBytes(hex(v, "cid_bytes")));
            fromReference += s(v, "source").equals("reference") ? 1 : 0;
        }
        assertTrue(fromReference > 20, "CIDs computed by avm.wasm: " + fromReference);
    }

    @Test
    void peerIds() throws DecodeException {
        for (JsonObject v : lines("peer-ids.jsonl")) {
            KeyPair keys = KeyPair.fromSeed(hex(v, "seed"));
            assertArrayEquals(hex(v, "public_key"), keys.publicKey().toRawBytes());
            assertArrayEquals(hex(v, "public_key_fluence"), keys.publicKey().toFluenceBytes());
            PeerId id = PeerId.parse(s(v, "peer_id"));
            assertEquals(keys.peerId(), id);
            assertArrayEquals(hex(v, "peer_id_bytes"), id.toBytes());
            assertArrayEquals(hex(v, "public_key"), id.publicKey().toRawBytes());
        }
    }

    @Test
    void noxHeaderSignatures() throws DecodeException {
        for (JsonObject v : lines("nox-header-signatures.jsonl")) {
            long timestamp = ((dev.aurum.aquavm.json.JsonNumber) v.get("timestamp")).longValue();
            int ttl = (int) ((dev.aurum.aquavm.json.JsonNumber) v.get("ttl")).longValue();
            byte[] signed = ParticleSignature.signedBytes(s(v, "particle_id"), timestamp, ttl, s(v, "script"));
            assertArrayEquals(hex(v, "signed_bytes"), signed);
            PeerId init = PeerId.parse(s(v, "init_peer_id"));
            assertEquals(KeyPair.fromSeed(hex(v, "init_seed")).peerId(), init);
            Signature sig = Signature.fromRawBytes(hex(v, "signature"));
            assertTrue(ParticleSignature.verify(init, sig, s(v, "particle_id"), timestamp, ttl, s(v, "script")));
            assertTrue(!ParticleSignature.verify(init, sig, s(v, "particle_id") + "x", timestamp, ttl, s(v, "script")));
        }
    }

    @Test
    void borshMessages() throws DecodeException {
        for (JsonObject v : lines("borsh-messages.jsonl")) {
            List<String> cids = new ArrayList<>();
            for (JsonValue c : ((JsonArray) v.get("cids")).elements()) {
                cids.add(((JsonString) c).value());
            }
            byte[] message = DataSignatureMessage.of(cids, s(v, "particle_id"));
            assertArrayEquals(hex(v, "message"), message);
            KeyPair keys = KeyPair.fromSeed(hex(v, "signer_seed"));
            assertTrue(keys.publicKey().verify(message, Signature.fromRawBytes(hex(v, "signature"))));
        }
    }

    @Test
    void msgpackCallResults() throws DecodeException {
        for (JsonObject v : lines("msgpack-call-results.jsonl")) {
            SortedMap<String, CallServiceResult> decoded = CallResults.decode(hex(v, "bytes"));
            Map<String, CallServiceResult> expected = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : ((JsonObject) v.get("results")).members().entrySet()) {
                JsonObject r = (JsonObject) e.getValue();
                expected.put(e.getKey(), new CallServiceResult((int) ((dev.aurum.aquavm.json.JsonNumber) r.get("ret_code")).longValue(),
                        s(r, "result")));
            }
            assertEquals(expected, Map.copyOf(decoded));
            assertArrayEquals(hex(v, "bytes"), CallResults.encode(decoded));
        }
    }

    @Test
    void msgpackCallRequestsFromTheReference() throws DecodeException {
        for (JsonObject v : lines("msgpack-call-requests.jsonl")) {
            SortedMap<Long, CallRequestParams> decoded = CallRequests.decode(hex(v, "bytes"));
            JsonObject expected = (JsonObject) v.get("requests");
            assertEquals(expected.size(), decoded.size());
            for (Map.Entry<Long, CallRequestParams> e : decoded.entrySet()) {
                assertEquals(expected.get(Long.toString(e.getKey())), CodecVectors.requestJson(e.getValue()));
            }
            // our encoder writes what AquaVM's decoder reads back to the same requests
            assertEquals(decoded, CallRequests.decode(CallRequests.encode(decoded)));
        }
    }

    @Test
    void msgpackEnvelopes() throws DecodeException {
        for (JsonObject v : lines("msgpack-envelopes.jsonl")) {
            DataEnvelope env = DataEnvelope.decode(hex(v, "bytes"));
            assertEquals(s(v, "version"), env.version());
            assertEquals(s(v, "interpreter_version"), env.interpreterVersion());
            assertArrayEquals(hex(v, "inner_data"), env.innerData());
            assertArrayEquals(hex(v, "bytes"), env.encode());
        }
    }

    @Test
    void rkyvDataAndHumanReadableTextAgreeWithAvmWasm() throws DecodeException {
        ReferenceAquaVm reference = new ReferenceAquaVm();
        for (JsonObject v : lines("rkyv-data.jsonl")) {
            byte[] envelope = hex(v, "envelope");
            DataEnvelope env = DataEnvelope.decode(envelope);
            InterpreterData data = InterpreterDataRkyv.decode(env.innerData());
            assertArrayEquals(hex(v, "canonical_inner_data"), InterpreterDataRkyv.encode(data));
            assertEquals(data, InterpreterDataRkyv.decode(hex(v, "canonical_inner_data")));
            String where = s(v, "scenario") + " at " + s(v, "peer");
            assertEquals(reference.toHumanReadableData(envelope), s(v, "human_readable"), where);
            byte[] ours = new DataEnvelope(env.version(), env.interpreterVersion(), hex(v, "canonical_inner_data")).encode();
            assertEquals(s(v, "human_readable"), reference.toHumanReadableData(ours), where + ", our bytes");
        }
    }
}
