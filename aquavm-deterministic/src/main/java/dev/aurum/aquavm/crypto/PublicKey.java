package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key, the only key type AquaVM accepts. Fluence encodes it as
 * {@code 0x00 || 32 key bytes} (format byte 0 = Ed25519), and as base58 of that in JSON and data.
 */
public final class PublicKey {

    static final int LENGTH = 32;
    private static final byte FORMAT_ED25519 = 0x00;

    private final byte[] key;
    private PeerId peerId;
    private Ed25519PublicKeyParameters parameters;

    private PublicKey(byte[] key, Ed25519PublicKeyParameters parameters) {
        this.key = key;
        this.parameters = parameters;
    }

    static PublicKey ofTrusted(byte[] key) {
        return new PublicKey(key.clone(), null);
    }

    /** Accepts 32 bytes that decode to a curve point (as {@code ed25519-dalek}'s {@code from_bytes}). */
    static PublicKey fromRaw(byte[] key, String format, long offset) throws DecodeException {
        if (key.length != LENGTH) {
            throw new DecodeException(format, "public_key", offset,
                    "Ed25519 public key must be 32 bytes, got " + key.length);
        }
        byte[] copy = key.clone();
        Ed25519PublicKeyParameters parameters;
        try {
            // BouncyCastle's constructor makes exactly the check of Ed25519.validatePublicKeyPartial and
            // keeps the decompressed point, so the key is decoded once for its check and all verifications
            parameters = new Ed25519PublicKeyParameters(copy, 0);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(format, "public_key", offset, "bytes are not an Ed25519 curve point");
        }
        return new PublicKey(copy, parameters);
    }

    /** Parses Fluence's base58 text of {@code 0x00 || key} (the keys of a data's signature map). */
    public static PublicKey fromFluenceBase58(String text) throws DecodeException {
        return fromFluenceBytes(Base58.decode(text));
    }

    /** Parses Fluence's binary encoding {@code 0x00 || key}; other format bytes are rejected. */
    public static PublicKey fromFluenceBytes(byte[] encoded) throws DecodeException {
        if (encoded.length == 0) {
            throw new DecodeException("fluence-key", "format", 0, "empty public key");
        }
        if (encoded[0] != FORMAT_ED25519) {
            throw new DecodeException("fluence-key", "format", 0, "key format " + (encoded[0] & 0xff)
                    + " is not Ed25519 (0); AquaVM whitelists Ed25519 only");
        }
        return fromRaw(Arrays.copyOfRange(encoded, 1, encoded.length), "fluence-key", 1);
    }

    public byte[] toFluenceBytes() {
        byte[] out = new byte[1 + LENGTH];
        out[0] = FORMAT_ED25519;
        System.arraycopy(key, 0, out, 1, LENGTH);
        return out;
    }

    public String toFluenceBase58() {
        return Base58.encode(toFluenceBytes());
    }

    /** The 32 raw key bytes (RFC 8032 encoding). */
    public byte[] toRawBytes() {
        return key.clone();
    }

    public PeerId peerId() {
        PeerId id = peerId;
        if (id == null) {
            // computed once: base58 of the multihash costs more than the lookups that need it
            id = PeerId.of(this);
            peerId = id;
        }
        return id;
    }

    /** Plain RFC 8032 Ed25519 verification (no prehash, no context). */
    public boolean verify(byte[] message, Signature signature) {
        Ed25519PublicKeyParameters p = parameters;
        if (p == null) {
            // only a trusted key (derived from a seed) gets here: parsing decompresses the point once
            p = new Ed25519PublicKeyParameters(key, 0);
            parameters = p;
        }
        // pure Ed25519 (RFC 8032, no context), on the message in place: Ed25519Signer would copy it
        return p.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature.toRawBytes(), 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey p && Arrays.equals(p.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return toFluenceBase58();
    }
}
