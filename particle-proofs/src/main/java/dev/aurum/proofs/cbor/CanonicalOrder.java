package dev.aurum.proofs.cbor;

/** RFC 8949 §4.2.1 key order for text keys: the encoded head carries the length, so shorter keys sort first. */
public final class CanonicalOrder {

    private CanonicalOrder() {
    }

    /** Compares two UTF-8 text keys in the bytewise order of their CBOR encodings. */
    public static int compareTextKeys(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            int x = a[i] & 0xFF;
            int y = b[i] & 0xFF;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
