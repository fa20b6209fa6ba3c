package dev.aurum.proofs.protocol;

import dev.aurum.aquavm.json.Utf8;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum keccak256 (original Keccak padding, not SHA3-256), via BouncyCastle's lightweight digest. */
public final class Keccak {
    private Keccak() {}

    public static Bytes32 keccak256(byte[]... parts) {
        KeccakDigest digest = new KeccakDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Bytes32.wrap(out);
    }

    public static Bytes32 keccak256Utf8(String text) {
        return keccak256(Utf8.encode(text));
    }
}
