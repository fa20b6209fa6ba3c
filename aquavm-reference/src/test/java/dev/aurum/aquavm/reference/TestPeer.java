package dev.aurum.aquavm.reference;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A test peer: a real Ed25519 seed (derived from a name) and its real libp2p PeerId
 * {@code base58btc(00 24 08 01 12 20 || ed25519_pk)}.
 * TEST-ONLY: to be replaced by the core's PeerId and key classes (branch {@code codecs}) when they land.
 */
record TestPeer(String name, byte[] seed, String peerId) {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static TestPeer named(String name) {
        byte[] seed = new byte[32];
        SHA256Digest sha = new SHA256Digest();
        byte[] input = ("aurum-test-peer:" + name).getBytes(StandardCharsets.UTF_8);
        sha.update(input, 0, input.length);
        sha.doFinal(seed, 0);
        return new TestPeer(name, seed, peerIdOf(seed));
    }

    /** AquaVM keys data signatures by the base58 of the Ed25519 public key prefixed with its format byte 0. */
    String signatureKey() {
        byte[] pk = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        byte[] prefixed = new byte[33];
        System.arraycopy(pk, 0, prefixed, 1, 32);
        return base58(prefixed);
    }

    static String peerIdOf(byte[] seed) {
        byte[] pk = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        byte[] multihash = new byte[6 + 32];
        byte[] prefix = {0x00, 0x24, 0x08, 0x01, 0x12, 0x20}; // identity multihash, 36 bytes of protobuf key
        System.arraycopy(prefix, 0, multihash, 0, 6);
        System.arraycopy(pk, 0, multihash, 6, 32);
        return base58(multihash);
    }

    static String base58(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger radix = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(radix);
            out.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
