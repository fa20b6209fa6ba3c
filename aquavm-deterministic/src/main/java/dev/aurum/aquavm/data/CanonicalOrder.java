package dev.aurum.aquavm.data;

import dev.aurum.aquavm.json.Utf8;
import java.util.Comparator;

/**
 * The order in which Aurum writes map keys: strings by Unicode code point, which is the byte order of
 * their UTF-8 form (plain {@link String#compareTo} compares UTF-16 units and differs for characters
 * above U+FFFF). CIDs are ASCII, so for them both orders agree.
 */
public final class CanonicalOrder {

    public static final Comparator<String> STRINGS = Utf8::compare;

    private CanonicalOrder() {
    }

    /** Unsigned lexicographic order of byte strings (a proper prefix sorts first). */
    public static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int k = 0; k < n; k++) {
            int d = (a[k] & 0xFF) - (b[k] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
