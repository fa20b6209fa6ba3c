package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.json.Utf8;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a peer signs over its part of AquaVM data (interpreter-signatures {@code SaltedData}): Borsh
 * of the pair (sorted list of CID strings, salt), i.e. {@code u32le(n) || n * (u32le(len) || utf8) ||
 * u32le(len) || salt}. The CIDs are a multiset: sorted by byte order, duplicates kept. The salt is the
 * particle id.
 */
public final class DataSignatureMessage {

    private DataSignatureMessage() {
    }

    public static byte[] of(List<String> cids, String particleId) {
        List<String> sorted = new ArrayList<>(cids);
        sorted.sort(Utf8::compare);
        int size = 4;
        List<byte[]> encoded = new ArrayList<>(sorted.size());
        for (String cid : sorted) {
            byte[] b = Utf8.encode(cid);
            encoded.add(b);
            size += 4 + b.length;
        }
        byte[] salt = Utf8.encode(particleId);
        size += 4 + salt.length;
        byte[] out = new byte[size];
        int at = putU32(out, 0, encoded.size());
        for (byte[] b : encoded) {
            at = putU32(out, at, b.length);
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        at = putU32(out, at, salt.length);
        System.arraycopy(salt, 0, out, at, salt.length);
        return out;
    }

    public static Signature sign(KeyPair keys, List<String> cids, String particleId) {
        return keys.sign(of(cids, particleId));
    }

    public static boolean verify(PublicKey key, Signature signature, List<String> cids, String particleId) {
        return key.verify(of(cids, particleId), signature);
    }

    private static int putU32(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }
}
