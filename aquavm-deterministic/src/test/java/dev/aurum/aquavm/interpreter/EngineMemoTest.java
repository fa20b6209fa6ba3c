package dev.aurum.aquavm.interpreter;

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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
}
