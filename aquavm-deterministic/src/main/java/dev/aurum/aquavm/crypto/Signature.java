package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Arrays;

/**
 * A 64-byte Ed25519 signature. AquaVM data stores it Fluence-encoded ({@code 0x00 || sig}, base58 in
 * text); nox particles carry the raw 64 bytes.
 */
public final class Signature {

    static final int LENGTH = 64;

    private final byte[] signature;

    private Signature(byte[] signature) {
        this.signature = signature;
    }

    static Signature ofTrusted(byte[] signature) {
        return new Signature(signature);
    }

    public static Signature fromRawBytes(byte[] raw) throws DecodeException {
        if (raw.length != LENGTH) {
            throw new DecodeException("signature", "", 0, "Ed25519 signature must be 64 bytes, got " + raw.length);
        }
        return new Signature(raw.clone());
    }

    public static Signature fromFluenceBytes(byte[] encoded) throws DecodeException {
        if (encoded.length == 0 || encoded[0] != 0) {
            throw new DecodeException("signature", "format", 0,
                    "signature format byte must be 0 (Ed25519)" + (encoded.length == 0 ? ", input is empty" : ""));
        }
        if (encoded.length != 1 + LENGTH) {
            throw new DecodeException("signature", "", 1, "Ed25519 signature must be 64 bytes, got " + (encoded.length - 1));
        }
        return new Signature(Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    public static Signature fromFluenceBase58(String text) throws DecodeException {
        return fromFluenceBytes(Base58.decode(text));
    }

    public byte[] toRawBytes() {
        return signature.clone();
    }

    public byte[] toFluenceBytes() {
        byte[] out = new byte[1 + LENGTH];
        System.arraycopy(signature, 0, out, 1, LENGTH);
        return out;
    }

    public String toFluenceBase58() {
        return Base58.encode(toFluenceBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return toFluenceBase58();
    }
}
