package dev.aurum.aquavm.reference;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.util.encoders.Base32;

/** Expected AquaVM CIDs computed independently with BouncyCastle's BLAKE3 (test oracle). */
final class Cids {

    private Cids() {
    }

    /** CIDv1, codec json (0x0200), multihash blake3 (0x1e, 32 bytes), multibase base32 lower ("b"). */
    static String jsonBlake3(String jsonText) {
        byte[] input = jsonText.getBytes(StandardCharsets.UTF_8);
        Blake3Digest blake3 = new Blake3Digest(256);
        blake3.update(input, 0, input.length);
        byte[] cid = new byte[5 + 32];
        cid[0] = 0x01;
        cid[1] = (byte) 0x80;
        cid[2] = 0x04;
        cid[3] = 0x1E;
        cid[4] = 0x20;
        blake3.doFinal(cid, 5);
        String base32 = new String(Base32.encode(cid), StandardCharsets.US_ASCII);
        return "b" + base32.replace("=", "").toLowerCase(Locale.ROOT);
    }
}
