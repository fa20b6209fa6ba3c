package dev.aurum.proofs.trace;

import dev.aurum.aquavm.crypto.Sha256Digest;
import java.util.Arrays;

/** SHA-256 of some bytes: how a signed trace refers to data envelopes, call results and call requests. */
public final class ContentHash implements Comparable<ContentHash> {

    public static final int LENGTH = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] digest;

    private ContentHash(byte[] digest) {
        this.digest = digest;
    }

    public static ContentHash of(byte[] content) {
        return new ContentHash(Sha256Digest.hash(content)); // not BouncyCastle's: Sha256Digest says why
    }

    /** Wraps a digest read from a trace; must be exactly 32 bytes. */
    public static ContentHash fromDigest(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("a content hash has 32 bytes, got " + digest.length);
        }
        return new ContentHash(digest.clone());
    }

    public byte[] bytes() {
        return digest.clone();
    }

    public String hex() {
        char[] c = new char[LENGTH * 2];
        for (int i = 0; i < LENGTH; i++) {
            c[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(c);
    }

    /** First 12 hex digits, for human-readable output. */
    public String shortHex() {
        return hex().substring(0, 12);
    }

    @Override
    public int compareTo(ContentHash o) {
        // byte-wise unsigned, by hand: TeaVM 0.13.1 lacks Arrays.compareUnsigned
        int n = Math.min(digest.length, o.digest.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(digest[i] & 0xFF, o.digest[i] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(digest.length, o.digest.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash h && Arrays.equals(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return hex();
    }
}
