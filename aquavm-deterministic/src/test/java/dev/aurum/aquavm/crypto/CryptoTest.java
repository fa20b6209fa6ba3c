package dev.aurum.aquavm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CryptoTest {

    /** The nox particle-signature vector of aquavm-spec.md section 8 (from nox's tests). */
    @Test
    void noxParticleVector() throws Exception {
        KeyPair keys = KeyPair.fromSeed(Base64.getDecoder().decode("7h48PQ/f1rS9TxacmgODxbD42Il9B3KC117jvOPppPE="));
        assertEquals("12D3KooWANqfCDrV79MZdMnMqTvDdqSAPSxdgFY1L6DCq2DVGB4D", keys.peerId().toString());
        byte[] signed = ParticleSignature.signedBytes("2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7000, "abc");
        assertEquals("Mjg4M2Y5NTktZTllNy00ODQzLThjMzctMjA1ZDM5M2NhMzcy/kguGYsBAABYGwAAYWJj",
                Base64.getEncoder().encodeToString(signed));
        Signature signature = ParticleSignature.sign(keys, "2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7000, "abc");
        assertEquals("KceXDnOfqe0dOnAxiDsyWBIvUq6WHoT0ge+VMHXOZsjZvCNH7/10oufdlYfcPomfv28On6E87ZhDcHGBZcb7Bw==",
                Base64.getEncoder().encodeToString(signature.toRawBytes()));
        PeerId peer = PeerId.parse("12D3KooWANqfCDrV79MZdMnMqTvDdqSAPSxdgFY1L6DCq2DVGB4D");
        assertTrue(ParticleSignature.verify(peer, signature, "2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7000, "abc"));
        assertFalse(ParticleSignature.verify(peer, signature, "2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7001, "abc"));
    }

    @Test
    void rfc8032TestVector1() throws Exception {
        KeyPair keys = KeyPair.fromSeed(HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HexFormat.of().formatHex(keys.publicKey().toRawBytes()));
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                HexFormat.of().formatHex(keys.sign(new byte[0]).toRawBytes()));
    }

    @Test
    void fluenceEncodingsRoundTrip() throws Exception {
        KeyPair keys = KeyPair.forTestName("alice");
        assertEquals(keys.peerId(), KeyPair.forTestName("alice").peerId());
        assertTrue(keys.peerId().toString().startsWith("12D3KooW"));
        byte[] encoded = keys.publicKey().toFluenceBytes();
        assertEquals(33, encoded.length);
        assertEquals(0, encoded[0]);
        assertEquals(keys.publicKey(), PublicKey.fromFluenceBase58(keys.publicKey().toFluenceBase58()));
        Signature sig = keys.sign(new byte[] {1, 2, 3});
        assertEquals(sig, Signature.fromFluenceBase58(sig.toFluenceBase58()));
        assertEquals(65, sig.toFluenceBytes().length);
        assertFalse(keys.toString().contains(HexFormat.of().formatHex(keys.publicKey().toRawBytes())));
        byte[] secp = keys.publicKey().toFluenceBytes();
        secp[0] = 1;
        assertThrows(DecodeException.class, () -> PublicKey.fromFluenceBytes(secp));
        assertEquals(keys.publicKey(), PeerId.parse(keys.peerId().toString()).publicKey());
    }

    @Test
    void dataSignatureMessageIsSortedBorsh() throws Exception {
        byte[] message = DataSignatureMessage.of(List.of("bb", "a", "bb"), "pid");
        assertEquals("03000000" + "01000000" + "61" + "02000000" + "6262" + "02000000" + "6262" + "03000000" + "706964",
                HexFormat.of().formatHex(message));
        assertEquals("00000000" + "03000000" + "706964", HexFormat.of().formatHex(DataSignatureMessage.of(List.of(), "pid")));
        KeyPair keys = KeyPair.forTestName("bob");
        Signature s = DataSignatureMessage.sign(keys, List.of("x", "y"), "p");
        assertTrue(DataSignatureMessage.verify(keys.publicKey(), s, List.of("y", "x"), "p"));
        assertFalse(DataSignatureMessage.verify(keys.publicKey(), s, List.of("x", "y"), "q"));
    }

    @Test
    void base58KnownAnswers() throws Exception {
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("11", Base58.encode(new byte[2]));
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes()));
        assertEquals("Hello World!", new String(Base58.decode("2NEpo7TZRRrLZSi2U")));
        assertArrayEquals(new byte[] {0, 0, 1}, Base58.decode("112"));
        DecodeException e = assertThrows(DecodeException.class, () -> Base58.decode("12O"));
        assertEquals(2, e.offset());
    }

    /** fromRaw lets BouncyCastle's key constructor do the curve check: it must accept exactly what
     *  Ed25519.validatePublicKeyPartial (ed25519-dalek's from_bytes) accepts. */
    @Test
    void keyCheckIsThePartialValidation() {
        Random random = new Random(3);
        int rejected = 0;
        for (int i = 0; i < 600; i++) {
            byte[] key = new byte[32];
            if (i < 256) {
                key[0] = (byte) i; // small y values, among them the identity and other small-order points
            } else {
                random.nextBytes(key);
            }
            boolean valid = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(key, 0);
            try {
                PublicKey.fromRaw(key, "test", 0);
                assertTrue(valid, "accepted a key the partial validation rejects: byte 0 = " + key[0]);
            } catch (DecodeException e) {
                assertFalse(valid, "rejected a valid key: " + e.getMessage());
                rejected++;
            }
        }
        assertTrue(rejected > 100, "the sample must contain invalid encodings, got " + rejected);
    }

    /** PeerId.parse keeps the text it parsed: that is only right if every accepted text is canonical. */
    @Test
    void base58TextsAreCanonical() throws Exception {
        Random random = new Random(11);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) {
                // '1' often, so runs of leading and inner zero digits are common
                text.append(random.nextInt(4) == 0 ? '1' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(text.toString(), Base58.encode(Base58.decode(text.toString())));
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            for (int z = random.nextInt(4); z > 0 && z <= bytes.length; z--) {
                bytes[z - 1] = 0;
            }
            assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
        }
        PeerId id = KeyPair.forTestName("erin").peerId();
        assertEquals(id.toString(), PeerId.parse(id.toString()).toString());
        assertEquals(id.publicKey(), PeerId.parse(id.toString()).publicKey());
    }

    @Test
    void peerIdRejectsOtherForms() {
        assertField("multihash.code", "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        KeyPair keys = KeyPair.forTestName("carol");
        byte[] bytes = keys.peerId().toBytes();
        bytes[3] = 2; // secp256k1
        assertField("public_key.type", Base58.encode(bytes));
        bytes[3] = 1;
        bytes[1] = 0x25;
        assertField("multihash.length", Base58.encode(bytes));
        assertField("multihash.length", "1" + keys.peerId());
    }

    private static void assertField(String field, String text) {
        DecodeException e = assertThrows(DecodeException.class, () -> PeerId.parse(text), text);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void fuzzDecoders() {
        Random random = new Random(5);
        byte[] good = KeyPair.forTestName("dave").peerId().toBytes();
        for (int i = 0; i < 5000; i++) {
            byte[] b = good.clone();
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            if (random.nextBoolean()) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 2));
            }
            try {
                PeerId.parse(Base58.encode(b));
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("peer-id") || expected.getMessage().startsWith("base58"));
            }
            try {
                PublicKey.fromFluenceBytes(b);
                Signature.fromFluenceBytes(b);
            } catch (DecodeException expected) {
                // typed error only
            }
        }
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            longText.append('z');
        }
        assertThrows(DecodeException.class, () -> Base58.decode(longText.toString()));
    }
}
