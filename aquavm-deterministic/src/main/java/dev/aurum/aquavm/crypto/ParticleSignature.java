package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.json.Utf8;

/**
 * nox's particle signature: the init peer signs {@code id (utf8) || timestamp u64 LE || ttl u32 LE ||
 * script (utf8)} (the particle data is not covered); the particle carries the raw 64-byte signature and
 * verification takes the key from the init PeerId.
 */
public final class ParticleSignature {

    private ParticleSignature() {
    }

    /**
     * @param timestampMs u64 milliseconds (bits taken as unsigned)
     * @param ttlMs       u32 milliseconds (bits taken as unsigned)
     */
    public static byte[] signedBytes(String particleId, long timestampMs, int ttlMs, String script) {
        byte[] id = Utf8.encode(particleId);
        byte[] air = Utf8.encode(script);
        byte[] out = new byte[id.length + 8 + 4 + air.length];
        System.arraycopy(id, 0, out, 0, id.length);
        int at = id.length;
        for (int i = 0; i < 8; i++) {
            out[at++] = (byte) (timestampMs >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            out[at++] = (byte) (ttlMs >>> (8 * i));
        }
        System.arraycopy(air, 0, out, at, air.length);
        return out;
    }

    public static Signature sign(KeyPair initPeer, String particleId, long timestampMs, int ttlMs, String script) {
        return initPeer.sign(signedBytes(particleId, timestampMs, ttlMs, script));
    }

    public static boolean verify(PeerId initPeer, Signature signature, String particleId, long timestampMs,
            int ttlMs, String script) {
        return initPeer.publicKey().verify(signedBytes(particleId, timestampMs, ttlMs, script), signature);
    }
}
