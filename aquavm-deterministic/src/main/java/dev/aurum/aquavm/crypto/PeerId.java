package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Arrays;

/**
 * A libp2p PeerId of an Ed25519 key: base58btc of the identity multihash of the protobuf-encoded key,
 * {@code 00 24 | 08 01 12 20 | key}, which renders as {@code 12D3KooW...}. Only this inline form can be
 * turned back into a key; hashed PeerIds ({@code Qm...}) and other key types are rejected.
 */
public final class PeerId implements Comparable<PeerId> {

    private static final byte[] PREFIX = {0x00, 0x24, 0x08, 0x01, 0x12, 0x20};

    private final PublicKey key;
    private final String text;

    private PeerId(PublicKey key, String text) {
        this.key = key;
        this.text = text;
    }

    static PeerId of(PublicKey key) {
        return new PeerId(key, Base58.encode(toBytes(key)));
    }

    public static PeerId parse(String text) throws DecodeException {
        byte[] bytes = Base58.decode(text);
        if (bytes.length < 2) {
            throw new DecodeException("peer-id", "multihash", 0, "too short for a multihash");
        }
        if (bytes[0] != 0x00) {
            throw new DecodeException("peer-id", "multihash.code", 0, "multihash code 0x"
                    + Integer.toHexString(bytes[0] & 0xff) + " is not identity (0x00): the PeerId does not inline its key");
        }
        if ((bytes[1] & 0xff) != bytes.length - 2) {
            throw new DecodeException("peer-id", "multihash.length", 1, "multihash length "
                    + (bytes[1] & 0xff) + " does not match " + (bytes.length - 2) + " remaining bytes");
        }
        if (bytes.length != PREFIX.length + PublicKey.LENGTH || bytes[2] != 0x08 || bytes[4] != 0x12
                || bytes[5] != 0x20) {
            throw new DecodeException("peer-id", "public_key", 2,
                    "inline key is not a protobuf Ed25519 public key (expected 08 01 12 20 + 32 bytes)");
        }
        if (bytes[3] != 0x01) {
            throw new DecodeException("peer-id", "public_key.type", 3, "key type " + bytes[3]
                    + " is not Ed25519 (1); AquaVM whitelists Ed25519 only");
        }
        PublicKey key = PublicKey.fromRaw(Arrays.copyOfRange(bytes, PREFIX.length, bytes.length), "peer-id",
                PREFIX.length);
        // Base58.decode accepts exactly one text per byte string (leading '1's are the zero bytes, the
        // rest is a minimal number), so the parsed text is already the canonical one
        return new PeerId(key, text);
    }

    private static byte[] toBytes(PublicKey key) {
        byte[] out = Arrays.copyOf(PREFIX, PREFIX.length + PublicKey.LENGTH);
        System.arraycopy(key.toRawBytes(), 0, out, PREFIX.length, PublicKey.LENGTH);
        return out;
    }

    public PublicKey publicKey() {
        return key;
    }

    public byte[] toBytes() {
        return toBytes(key);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public int compareTo(PeerId other) {
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
