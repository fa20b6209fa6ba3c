package dev.aurum.aquavm.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8's comparison, encoder and decoder, hand-written for Wasm speed: equal to the JDK's behaviour. */
class Utf8Test {

    @Test
    void ordersByCodePointNotUtf16Unit() {
        String supplementary = new String(Character.toChars(0x1F600)); // surrogate pair D83D DE00
        String bmpHigh = "\uFF21"; // above the surrogates in UTF-16, below U+1F600 in code points
        assertTrue(Utf8.compare(bmpHigh, supplementary) < 0);
        assertTrue(Utf8.compare(supplementary, bmpHigh) > 0);
        assertTrue(supplementary.compareTo(bmpHigh) < 0); // why the fast path needs its surrogate check
        assertTrue(Utf8.compare("ab", "abc") < 0);
        assertTrue(Utf8.compare("abd", "abc") > 0);
        assertEquals(0, Utf8.compare("12D3KooW", "12D3KooW"));
        assertEquals(0, Utf8.compare("", ""));
        assertTrue(Utf8.compare("", "a") < 0);
    }

    /** Lone surrogates compare as their own code points, as codePointAt yields them. */
    @Test
    void loneSurrogatesCompareAsThemselves() {
        assertTrue(Utf8.compare("a\uD800", "a\uE000") < 0);
        assertTrue(Utf8.compare("a\uD800x", "a\uD800\uDC00") < 0);
        assertTrue(Utf8.compare("\uDC00", "\uD800\uDC00") < 0);
    }

    /** Seeded: equal to the code-point walk, and to UTF-8 byte order for valid strings. */
    @Test
    void fastPathAgreesWithCodePointWalkOnRandomStrings() {
        Random random = new Random(8);
        char[] alphabet = {'a', 'b', 'z', '0', '\u00e9', '\u07ff', '\u0800', '\uD7FF', '\uD800', '\uDBFF', '\uDC00',
            '\uDFFF', '\uE000', '\uFFFF'};
        for (int round = 0; round < 200_000; round++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomString(random, alphabet) : randomString(random, alphabet);
            int expected = Integer.signum(Utf8.compareCodePoints(a, b));
            assertEquals(expected, Integer.signum(Utf8.compare(a, b)), () -> a + " vs " + b);
            if (Utf8.firstLoneSurrogate(a) < 0 && Utf8.firstLoneSurrogate(b) < 0) {
                byte[] ua = a.getBytes(StandardCharsets.UTF_8);
                byte[] ub = b.getBytes(StandardCharsets.UTF_8);
                assertEquals(Integer.signum(Arrays.compareUnsigned(ua, ub)), expected, () -> a + " vs " + b);
            }
        }
    }

    /** Seeded: the hand-written encoder (and its length) is String.getBytes(UTF_8), lone surrogates ('?') included. */
    @Test
    void encodeIsGetBytesUtf8() {
        Random random = new Random(9);
        char[] alphabet = {'a', '~', '\u0000', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\uD7FF', '\uD800',
            '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFF'};
        for (int round = 0; round < 100_000; round++) {
            String s = randomString(random, alphabet);
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, Utf8.encode(s), s);
            assertEquals(expected.length, Utf8.encodedLength(s), s);
        }
        assertArrayEquals(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
                Utf8.encode(new String(Character.toChars(0x1F600))));
    }

    /** Seeded: valid UTF-8 decodes to what new String(bytes, UTF_8) gives; invalid bytes give null. */
    @Test
    void decodeOrNullIsNewStringOnValidUtf8() {
        Random random = new Random(10);
        int[] codePoints = {0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                sb.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
            byte[] padded = new byte[utf8.length + 2];
            System.arraycopy(utf8, 0, padded, 1, utf8.length);
            assertEquals(sb.toString(), Utf8.decodeOrNull(padded, 1, utf8.length));
        }
        assertNull(Utf8.decodeOrNull(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)); // surrogate
        assertNull(Utf8.decodeOrNull(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)); // overlong
        assertNull(Utf8.decodeOrNull(new byte[] {(byte) 0xE2, (byte) 0x82}, 0, 2)); // truncated
    }

    private static String randomString(Random random, char[] alphabet) {
        char[] s = new char[random.nextInt(6)];
        for (int i = 0; i < s.length; i++) {
            s[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(s);
    }
}
