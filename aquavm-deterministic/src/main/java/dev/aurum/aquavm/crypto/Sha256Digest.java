package dev.aurum.aquavm.crypto;

import org.bouncycastle.crypto.Digest;

/**
 * SHA-256 (FIPS 180-4) behind BouncyCastle's {@link Digest} interface, for the hot paths (content hashes,
 * CIDs). Written out because BouncyCastle's {@code SHA256Digest.processBlock} is unrolled eight rounds at
 * a time with a call per round function: compiled by TeaVM to Wasm and by Chicory to JVM bytecode it is a
 * method over HotSpot's 8,000-byte huge-method limit, so the JVM never JIT-compiles it and every block
 * of the Wasm verifier ran in the bytecode interpreter. One round per loop iteration keeps the method
 * small; results are BouncyCastle's (SHA-256 known answers and a seeded comparison in the tests).
 */
public final class Sha256Digest implements Digest {

    public static final int DIGEST_LENGTH = 32;
    private static final int BLOCK = 64;

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private final int[] h = new int[8];
    private final int[] w = new int[64];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long length;

    public Sha256Digest() {
        reset();
    }

    /** SHA-256 of {@code data}. */
    public static byte[] hash(byte[] data) {
        Sha256Digest d = new Sha256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return DIGEST_LENGTH;
    }

    @Override
    public void update(byte in) {
        buffer[buffered++] = in;
        length++;
        if (buffered == BLOCK) {
            compress(buffer, 0);
            buffered = 0;
        }
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        if (len < 0 || inOff < 0 || inOff > in.length - len) {
            throw new IndexOutOfBoundsException("input range " + inOff + "+" + len + " outside " + in.length);
        }
        length += len;
        int off = inOff;
        int end = inOff + len;
        if (buffered > 0) {
            int take = Math.min(BLOCK - buffered, end - off);
            System.arraycopy(in, off, buffer, buffered, take);
            buffered += take;
            off += take;
            if (buffered < BLOCK) {
                return;
            }
            compress(buffer, 0);
            buffered = 0;
        }
        while (end - off >= BLOCK) {
            compress(in, off);
            off += BLOCK;
        }
        System.arraycopy(in, off, buffer, 0, end - off);
        buffered = end - off;
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        long bits = length << 3;
        buffer[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
            compress(buffer, 0);
            buffered = 0;
        }
        java.util.Arrays.fill(buffer, buffered, BLOCK - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            buffer[BLOCK - 1 - i] = (byte) (bits >>> (8 * i));
        }
        compress(buffer, 0);
        for (int i = 0; i < 8; i++) {
            int v = h[i];
            out[outOff + 4 * i] = (byte) (v >>> 24);
            out[outOff + 4 * i + 1] = (byte) (v >>> 16);
            out[outOff + 4 * i + 2] = (byte) (v >>> 8);
            out[outOff + 4 * i + 3] = (byte) v;
        }
        reset();
        return DIGEST_LENGTH;
    }

    @Override
    public void reset() {
        h[0] = 0x6a09e667;
        h[1] = 0xbb67ae85;
        h[2] = 0x3c6ef372;
        h[3] = 0xa54ff53a;
        h[4] = 0x510e527f;
        h[5] = 0x9b05688c;
        h[6] = 0x1f83d9ab;
        h[7] = 0x5be0cd19;
        buffered = 0;
        length = 0;
    }

    /** One 64-byte block; rotations written out (TeaVM does not inline Integer.rotateRight). */
    private void compress(byte[] block, int off) {
        int[] w = this.w;
        int[] k = K; // a local: TeaVM re-reads (and class-init-checks) a static field on every access
        for (int t = 0, p = off; t < 16; t++, p += 4) {
            w[t] = block[p] << 24 | (block[p + 1] & 0xff) << 16 | (block[p + 2] & 0xff) << 8 | block[p + 3] & 0xff;
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
            int s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
            int t1 = hh + s1 + (e & f ^ ~e & g) + k[t] + w[t];
            int s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
            int t2 = s0 + (a & b ^ a & c ^ b & c);
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
