package dev.aurum.proofs.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Seeded, bounded fuzzing of the byte-level decoders: only IllegalArgumentException may escape. */
class DecoderFuzzTest {
    @Test
    void hexAndSignatureDecodersFailCleanly() {
        SplittableRandom random = new SplittableRandom(20261121L);
        String alphabet = "0123456789abcdefABCDEFxXg -";
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(0, 140)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            try {
                byte[] decoded = Hex.decode(new String(chars));
                assertArrayEquals(decoded, Hex.decode(Hex.encode(decoded)));
                if (decoded.length == 65) {
                    EcdsaSignature.fromBytes65(decoded);
                }
            } catch (IllegalArgumentException expected) {
                // typed rejection of bad input
            }
        }
        for (int i = 0; i < 300; i++) {
            byte[] raw = new byte[65];
            random.nextBytes(raw);
            raw[64] = (byte) (27 + random.nextInt(2));
            Secp256k1.recover(Bytes32.wrap(raw, 0), EcdsaSignature.fromBytes65(raw));
        }
    }
}
