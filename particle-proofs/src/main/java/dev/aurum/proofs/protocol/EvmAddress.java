package dev.aurum.proofs.protocol;

import java.util.Arrays;

/** A 20-byte EVM account address. */
public final class EvmAddress implements Comparable<EvmAddress> {
    private final byte[] bytes;

    private EvmAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static EvmAddress of(byte[] bytes) {
        if (bytes.length != 20) {
            throw new IllegalArgumentException("address must be 20 bytes, got " + bytes.length);
        }
        return new EvmAddress(bytes.clone());
    }

    public static EvmAddress fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    /** The address of a public key: the last 20 bytes of keccak256 of the 64-byte uncompressed point. */
    static EvmAddress ofPublicKey(byte[] uncompressedXy) {
        byte[] hash = Keccak.keccak256(uncompressedXy).toArrayUnsafe();
        return new EvmAddress(Arrays.copyOfRange(hash, 12, 32));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case {@code 0x}-prefixed hex. */
    public String toHex() {
        return "0x" + Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvmAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(EvmAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
