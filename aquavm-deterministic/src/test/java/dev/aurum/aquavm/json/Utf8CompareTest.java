package dev.aurum.aquavm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8CompareTest {

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

    private static String randomString(Random random, char[] alphabet) {
        char[] s = new char[random.nextInt(6)];
        for (int i = 0; i < s.length; i++) {
            s[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(s);
    }
}
