package dev.aurum.aquavm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** FIPS 180-4 / NIST known answers, and BouncyCastle's results on seeded random inputs split at random. */
class Sha256DigestTest {

    @Test
    void knownAnswers() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
        assertEquals("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
                hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                        + "mnopqrstnopqrstu"));
        Sha256Digest d = new Sha256Digest();
        for (int i = 0; i < 1_000_000; i++) {
            d.update((byte) 'a');
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex.toHexString(out));
    }

    @Test
    void equalsBouncyCastleOnRandomInputsAndSplits() {
        Random random = new Random(256);
        Sha256Digest ours = new Sha256Digest(); // reused: doFinal resets
        for (int round = 0; round < 3_000; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            SHA256Digest bc = new SHA256Digest();
            bc.update(data, 0, data.length);
            byte[] expected = new byte[32];
            bc.doFinal(expected, 0);
            int pos = 0;
            while (pos < data.length) {
                int n = random.nextInt(4) == 0 ? 1 : random.nextInt(data.length - pos + 1);
                if (n == 1 && random.nextBoolean()) {
                    ours.update(data[pos]);
                } else {
                    ours.update(data, pos, n);
                }
                pos += n;
            }
            byte[] actual = new byte[40];
            assertEquals(32, ours.doFinal(actual, 8));
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(actual, 8, 40), "round " + round);
            assertArrayEquals(expected, Sha256Digest.hash(data));
        }
    }

    private static String hex(String s) {
        return Hex.toHexString(Sha256Digest.hash(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
