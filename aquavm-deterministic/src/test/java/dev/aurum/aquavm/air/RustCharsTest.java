package dev.aurum.aquavm.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rust's char classification (Unicode 15.0, as measured in avm.wasm 0.62) as the AIR lexers use it. */
class RustCharsTest {

    @Test
    void alphanumericKnownAnswers() {
        int[] yes = {'a', 'Z', '0', 0xE9, 0x436, 0x4E2D, 0x663 /* Arabic-Indic 3, Nd */, 0x216B /* Roman XII, Nl */,
            0xBD /* one half, No */, 0x345 /* Mn but Other_Alphabetic */, 0x93E /* Mc, Other_Alphabetic */,
            0x31350 /* CJK Ext H, Unicode 15.0 */, 0x11F04 /* Kawi, 15.0 */};
        for (int c : yes) {
            assertTrue(RustChars.isAlphanumeric(c), Integer.toHexString(c));
        }
        int[] no = {'_', '-', '$', '.', ' ', 0x300 /* combining grave */, 0x1F600 /* emoji */, 0xA0,
            0x10D40 /* Garay, first assigned in Unicode 16.0 */, 0x2FFC /* So, 15.1 */, 0xD800, 0x10FFFF,
            0x2EBF0 /* CJK Ext I, Unicode 15.1: avm.wasm 0.62 rejects it, so its Rust used Unicode 15.0 */};
        for (int c : no) {
            assertFalse(RustChars.isAlphanumeric(c), Integer.toHexString(c));
        }
        assertTrue(RustChars.isAirAlphanumeric('_') && RustChars.isAirAlphanumeric('-'));
    }

    @Test
    void numericKnownAnswers() {
        assertTrue(RustChars.isNumeric('7'));
        assertTrue(RustChars.isNumeric(0x663));
        assertTrue(RustChars.isNumeric(0x216B));
        assertTrue(RustChars.isNumeric(0xBD));
        assertFalse(RustChars.isNumeric('a'));
        assertFalse(RustChars.isNumeric(0x4E00)); // CJK "one" is a letter, not a number
    }

    @Test
    void whitespaceIsUnicodeWhiteSpaceNotJavas() {
        int[] yes = {' ', '\t', '\n', 0x0B, 0x0C, '\r', 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000};
        for (int c : yes) {
            assertTrue(RustChars.isWhitespace(c), Integer.toHexString(c));
        }
        int[] no = {0x1C, 0x1F, 0x200B, 0xFEFF, 'a', 0x180E};
        for (int c : no) {
            assertFalse(RustChars.isWhitespace(c), Integer.toHexString(c));
        }
    }

    @Test
    void tablesAgreeWithTheJvmWhereUnicodeDidNotChange() {
        // Java 17 knows Unicode 13: on code points it has assigned, only a handful of property changes
        // between Unicode 13 and 15.1 may differ; everything else must agree.
        int differences = 0;
        for (int c = 0; c <= 0x10FFFF; c++) {
            if (Character.getType(c) == Character.UNASSIGNED) {
                continue;
            }
            int type = Character.getType(c);
            boolean jvmNumeric = type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER;
            boolean jvm = Character.isAlphabetic(c) || jvmNumeric;
            if (jvm != RustChars.isAlphanumeric(c) || jvmNumeric != RustChars.isNumeric(c)) {
                differences++;
            }
        }
        assertTrue(differences < 50, "differences from Java's Unicode 13: " + differences);
    }

    @Test
    void utf8Lengths() {
        assertEquals(1, RustChars.utf8Length('a'));
        assertEquals(2, RustChars.utf8Length(0xE9));
        assertEquals(3, RustChars.utf8Length(0x4E2D));
        assertEquals(4, RustChars.utf8Length(0x1F600));
    }
}
