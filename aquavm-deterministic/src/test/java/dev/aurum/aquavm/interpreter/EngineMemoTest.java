package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.air.AirParseException;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EngineMemoTest {

    private static final KeyPair ALICE = KeyPair.forTestName("alice");
    private static final KeyPair BOB = KeyPair.forTestName("bob");

    /** {@link KeyPair#forTestName}'s seed for "alice". */
    private static byte[] aliceSeed() {
        org.bouncycastle.crypto.digests.SHA256Digest d = new org.bouncycastle.crypto.digests.SHA256Digest();
        byte[] in = utf8("alice");
        d.update(in, 0, in.length);
        byte[] seed = new byte[32];
        d.doFinal(seed, 0);
        return seed;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRememberedSignatureVerifiesOnlyForItsOwnKeyAndMessage() throws DecodeException {
        EngineMemo memo = new EngineMemo();
        byte[] message = utf8("cids of alice");
        Signature sig = ALICE.sign(message);
        assertTrue(memo.verify(ALICE.publicKey(), sig, message));
        assertTrue(memo.verify(ALICE.publicKey(), sig, message), "a hit gives the same answer");
        // same signature bytes, other message or other key: recomputed, and rejected
        assertFalse(memo.verify(ALICE.publicKey(), sig, utf8("cids of alicf")));
        assertFalse(memo.verify(BOB.publicKey(), sig, message));
        byte[] flipped = sig.toRawBytes();
        flipped[5] ^= 1;
        assertFalse(memo.verify(ALICE.publicKey(), Signature.fromRawBytes(flipped), message));
    }

    @Test
    void failuresAreNotRemembered() {
        EngineMemo memo = new EngineMemo();
        byte[] message = utf8("m");
        Signature bobs = BOB.sign(message);
        assertFalse(memo.verify(ALICE.publicKey(), bobs, message));
        assertFalse(memo.verify(ALICE.publicKey(), bobs, message));
        assertThrows(AirParseException.class, () -> memo.script("(seq"));
        assertThrows(AirParseException.class, () -> memo.script("(seq"));
        byte[] notAPoint = new byte[33];
        Arrays.fill(notAPoint, 1, 33, (byte) 0xFF);
        assertThrows(DecodeException.class, () -> memo.publicKey(notAPoint));
    }

    @Test
    void keysAndScriptsAreSharedAndEqualToFreshOnes() throws DecodeException, AirParseException {
        EngineMemo memo = new EngineMemo();
        byte[] seed = new byte[32];
        seed[0] = 7;
        KeyPair k = memo.keyPair(seed);
        seed[0] = 8; // the memo copied its key, so this does not alias the entry
        assertFalse(Arrays.equals(k.publicKey().toRawBytes(), memo.keyPair(seed).publicKey().toRawBytes()));
        seed[0] = 7;
        assertSame(k, memo.keyPair(seed));
        assertEquals(KeyPair.fromSeed(seed).publicKey(), k.publicKey());
        byte[] encoded = ALICE.publicKey().toFluenceBytes();
        PublicKey p = memo.publicKey(encoded);
        assertSame(p, memo.publicKey(encoded.clone()));
        assertEquals(PublicKey.fromFluenceBytes(encoded), p);
        String air = "(null)";
        assertSame(memo.script(air), memo.script(new String(air.toCharArray())));
    }

    @Test
    void theMemoIsBounded() {
        EngineMemo memo = new EngineMemo();
        byte[] first = new byte[32];
        KeyPair k = memo.keyPair(first);
        for (int i = 1; i <= EngineMemo.MAX_ENTRIES; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            memo.keyPair(seed);
        }
        // the oldest entry was evicted: a new, equal key pair is derived
        KeyPair again = memo.keyPair(first);
        assertFalse(k == again);
        assertEquals(k.publicKey(), again.publicKey());
    }

    @Test
    void rememberedMessagesAreBoundedInBytes() {
        EngineMemo memo = new EngineMemo();
        for (int i = 0; i < 8; i++) {
            byte[] message = new byte[1 << 20];
            message[0] = (byte) i;
            assertTrue(memo.verify(ALICE.publicKey(), ALICE.sign(message), message));
        }
        assertEquals(4, memo.rememberedSignatures(), "4 MiB of messages at most");
        byte[] huge = new byte[(4 << 20) + 1];
        assertTrue(memo.verify(ALICE.publicKey(), ALICE.sign(huge), huge));
        assertEquals(4, memo.rememberedSignatures(), "a message over the whole budget is not kept");
    }

    @Test
    void repeatedInvokesGiveIdenticalBytes() {
        // the same engine instance, so the second invoke hits every memo entry the first one made
        JavaAquaVm vm = new JavaAquaVm();
        RunParameters params = RunParameters.of(ALICE.peerId().toString(), ALICE.peerId().toString(), 1_700_000_000_000L,
                60_000, aliceSeed(), "memo-particle");
        String air = "(call %init_peer_id% (\"s\" \"f\") [] x)";
        byte[] none = {(byte) 0x81, 0x04, (byte) 0x80};
        InterpreterOutcome a = vm.invoke(air, new byte[0], new byte[0], params, none);
        InterpreterOutcome b = vm.invoke(air, new byte[0], new byte[0], params, none);
        InterpreterOutcome fresh = new JavaAquaVm().invoke(air, new byte[0], new byte[0], params, none);
        assertEquals(0, a.retCode(), a.errorMessage());
        assertEquals(a, b);
        assertEquals(fresh, b);
        // received data signed by this peer is verified (and remembered) on the next run
        InterpreterOutcome c = vm.invoke(air, new byte[0], a.data(), params, none);
        assertEquals(0, c.retCode(), c.errorMessage());
        InterpreterOutcome d = vm.invoke(air, new byte[0], a.data(), params, none);
        assertEquals(c, d);
        assertEquals(new JavaAquaVm().invoke(air, new byte[0], a.data(), params, none), d);
    }

    private static final String CALL_AIR = "(call %init_peer_id% (\"s\" \"f\") [] x)";
    private static final byte[] NO_RESULTS = {(byte) 0x81, 0x04, (byte) 0x80};

    private static RunParameters paramsOf(KeyPair peer, byte[] seed) {
        return RunParameters.of(ALICE.peerId().toString(), peer.peerId().toString(), 1_700_000_000_000L, 60_000,
                seed, "memo-particle");
    }

    /** Alice's data after her call returned "hello": a value, a tetraplet, a service result, her signature. */
    private static byte[] aliceData() {
        JavaAquaVm vm = new JavaAquaVm();
        RunParameters params = paramsOf(ALICE, aliceSeed());
        InterpreterOutcome requested = vm.invoke(CALL_AIR, new byte[0], new byte[0], params, NO_RESULTS);
        Map<String, CallServiceResult> results = new TreeMap<>();
        results.put("1", new CallServiceResult(0, "\"hello\""));
        InterpreterOutcome done = vm.invoke(CALL_AIR, requested.data(), new byte[0], params, CallResults.encode(results));
        assertEquals(0, done.retCode(), done.errorMessage());
        return done.data();
    }

    /** The same data with the stored value replaced, under its old CID. */
    private static byte[] withTamperedValue(byte[] data) throws DecodeException {
        DataEnvelope envelope = DataEnvelope.decode(data);
        InterpreterData d = InterpreterDataRkyv.decode(envelope.innerData());
        Map<String, String> values = new TreeMap<>(d.cidInfo().valueStore());
        assertEquals(1, values.size());
        values.replaceAll((cid, value) -> "\"hellp\"");
        CidInfo c = d.cidInfo();
        InterpreterData tampered = new InterpreterData(d.trace(), d.lastCallRequestId(), new CidInfo(values,
                c.tetrapletStore(), c.canonElementStore(), c.canonResultStore(), c.serviceResultStore()), d.signatures());
        return new DataEnvelope(envelope.version(), envelope.interpreterVersion(), InterpreterDataRkyv.encode(tampered))
                .encode();
    }

    @Test
    void verifiedCidStoresDoNotCoverTamperedCopies() throws DecodeException {
        byte[] honest = aliceData();
        byte[] tampered = withTamperedValue(honest);
        RunParameters bob = paramsOf(BOB, new byte[32]);
        JavaAquaVm vm = new JavaAquaVm();
        assertEquals(0, vm.invoke(CALL_AIR, new byte[0], honest, bob, NO_RESULTS).retCode());
        InterpreterOutcome fresh = new JavaAquaVm().invoke(CALL_AIR, new byte[0], tampered, bob, NO_RESULTS);
        assertEquals(8, fresh.retCode(), fresh.errorMessage());
        // the memo now knows the honest data and its CIDs: the tampered copy still fails, with the same text
        assertEquals(fresh, vm.invoke(CALL_AIR, new byte[0], tampered, bob, NO_RESULTS));
        assertEquals(fresh, vm.invoke(CALL_AIR, new byte[0], tampered, bob, NO_RESULTS));
        assertEquals(0, vm.invoke(CALL_AIR, new byte[0], honest, bob, NO_RESULTS).retCode());
    }

    @Test
    void aVerifiedCidCoversOnlyItsOwnContent() {
        EngineMemo memo = new EngineMemo();
        assertFalse(memo.cidVerified("bagaaihra-x", utf8("1")));
        memo.rememberVerifiedCid("bagaaihra-x", utf8("1"));
        assertTrue(memo.cidVerified("bagaaihra-x", utf8("1")));
        assertFalse(memo.cidVerified("bagaaihra-x", utf8("2")));
        assertFalse(memo.cidVerified("bagaaihra-y", utf8("1")));
    }

    @Test
    void decodedDataIsSharedOnlyForEqualBytes() throws DecodeException {
        EngineMemo memo = new EngineMemo();
        byte[] inner = DataEnvelope.decode(aliceData()).innerData();
        assertTrue(inner.length > 256, "long enough for the sampled key hash");
        EngineMemo.Decoded d = memo.decode(inner);
        assertSame(d, memo.decode(inner.clone()));
        assertEquals(InterpreterDataRkyv.decode(inner), d.data());
        // flipping any single byte never returns the memo's entry (the key hash samples, equality does not)
        for (int i = 0; i < inner.length; i++) {
            byte[] changed = inner.clone();
            changed[i] ^= 0x01;
            try {
                assertFalse(memo.decode(changed) == d, "byte " + i);
            } catch (DecodeException expected) {
                // a broken archive: typed error, nothing kept
            }
        }
        assertEquals(d.data(), memo.decode(inner).data());
    }

    @Test
    void aReplayWithTheRecordedSignatureReproducesTheBytes() throws DecodeException {
        byte[] honest = aliceData();
        JavaAquaVm vm = new JavaAquaVm();
        EncodedPublicKey alice = EncodedPublicKey.of(ALICE.publicKey().toFluenceBytes());
        EncodedSignature recorded = vm.signatureIn(honest, alice);
        assertTrue(recorded != null);
        assertEquals(null, vm.signatureIn(honest, EncodedPublicKey.of(BOB.publicKey().toFluenceBytes())));
        assertEquals(null, vm.signatureIn(new byte[] {1, 2, 3}, alice));
        // a replay with another key: no signing, the recorded entry copied in instead
        RunParameters replay = paramsOf(ALICE, new byte[32]);
        Map<String, CallServiceResult> results = new TreeMap<>();
        results.put("1", new CallServiceResult(0, "\"hello\""));
        JavaAquaVm replaying = vm.withRecordedSignature(alice, recorded);
        InterpreterOutcome requested = replaying.invoke(CALL_AIR, new byte[0], new byte[0], replay, NO_RESULTS);
        InterpreterOutcome done = replaying.invoke(CALL_AIR, requested.data(), new byte[0], replay,
                CallResults.encode(results));
        assertArrayEquals(honest, done.data());
        // without the entry the data differs (no signature of the peer at all)
        JavaAquaVm omitting = vm.withoutOwnSignature();
        InterpreterOutcome omittedRequest = omitting.invoke(CALL_AIR, new byte[0], new byte[0], replay, NO_RESULTS);
        InterpreterOutcome omitted = omitting.invoke(CALL_AIR, omittedRequest.data(), new byte[0], replay,
                CallResults.encode(results));
        assertFalse(Arrays.equals(honest, omitted.data()));
        assertEquals(done.retCode(), omitted.retCode());
        assertEquals(done.nextPeerPks(), omitted.nextPeerPks());
    }
}
