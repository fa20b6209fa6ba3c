package dev.aurum.aquavm.cid;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.Base58;
import dev.aurum.aquavm.crypto.Sha256Digest;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * An AquaVM CID: CIDv1, multicodec {@code json} (0x0200) and a 32-byte multihash, BLAKE3-256 (0x1e) for
 * everything AquaVM 0.54+ creates or SHA2-256 (0x12), which verification still accepts. Binary form
 * {@code 01 80 04 1e 20 <digest>}; text form multibase base32 lower-case ({@code b...}, so new CIDs
 * start with {@code bagaaihra}). Parsing also accepts base58btc ({@code z...}) as the Rust {@code cid}
 * crate does; anything else is rejected with a {@link DecodeException}.
 */
public final class Cid implements Comparable<Cid> {

    /** The multicodec of CID content. */
    public static final int CODEC_JSON = 0x0200;

    /** The multihash functions AquaVM accepts. */
    public enum HashFunction {
        BLAKE3_256(0x1e), SHA2_256(0x12);

        private final int code;

        HashFunction(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        Digest newDigest() {
            return this == BLAKE3_256 ? new Blake3Digest(256) : new Sha256Digest();
        }
    }

    private static final int DIGEST_LENGTH = 32;
    private static final int MAX_TEXT_LENGTH = 256;

    private final HashFunction hash;
    private final byte[] digest;
    /** The canonical text, made on first use: verifying a CID compares digests and never needs it. */
    private String text;

    private Cid(HashFunction hash, byte[] digest) {
        this.hash = hash;
        this.digest = digest;
    }

    /** The BLAKE3 CID of exact JSON bytes, as AquaVM computes for value-store entries. */
    public static Cid ofJson(byte[] jsonBytes) {
        return of(HashFunction.BLAKE3_256, jsonBytes);
    }

    /** The BLAKE3 CID of a value's compact serde_json serialisation. */
    public static Cid ofJson(JsonValue value) {
        return ofJson(JsonWriter.compact(value));
    }

    /**
     * The CID of a tetraplet: its compact JSON with the Rust struct's field order
     * {@code {"peer_pk":..,"service_id":..,"function_name":..,"lens":..}} (not sorted).
     */
    public static Cid ofTetraplet(SecurityTetraplet tetraplet) {
        return ofJson(tetrapletJson(tetraplet));
    }

    /** The compact serde_json bytes of a tetraplet, fields in declaration order. */
    public static byte[] tetrapletJson(SecurityTetraplet t) {
        return JsonWriter.compactWriter().beginObject()
                .name("peer_pk").value(t.peerPk())
                .name("service_id").value(t.serviceId())
                .name("function_name").value(t.functionName())
                .name("lens").value(t.lens())
                .endObject().toByteArray();
    }

    public static Cid of(HashFunction hash, byte[] content) {
        Digest d = hash.newDigest();
        d.update(content, 0, content.length);
        byte[] out = new byte[DIGEST_LENGTH];
        d.doFinal(out, 0);
        return new Cid(hash, out);
    }

    /** Parses a CID text ({@code b} base32 or {@code z} base58btc multibase). */
    public static Cid parse(String text) throws DecodeException {
        if (text.isEmpty()) {
            throw new DecodeException("cid", "multibase", 0, "empty CID text");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new DecodeException("cid", "multibase", 0, "CID text longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.length() == 46 && text.startsWith("Qm")) {
            throw new DecodeException("cid", "codec", 0,
                    "unsupported CID codec 0x70 (a CIDv0 is dag-pb, AquaVM accepts only json 0x0200)");
        }
        char base = text.charAt(0);
        byte[] bytes;
        if (base == 'b') {
            bytes = Base32.decode(text.substring(1), 1);
        } else if (base == 'z') {
            try {
                bytes = Base58.decode(text.substring(1));
            } catch (DecodeException e) {
                throw new DecodeException("cid", "multibase", e.offset() < 0 ? -1 : e.offset() + 1, e.getMessage());
            }
        } else {
            throw new DecodeException("cid", "multibase", 0,
                    "unsupported multibase prefix '" + base + "' (expected 'b' base32 or 'z' base58btc)");
        }
        return fromBytes(bytes);
    }

    /** Parses the binary form. */
    public static Cid fromBytes(byte[] bytes) throws DecodeException {
        int[] pos = {0};
        long version = readVarint(bytes, pos, "version");
        if (version != 1) {
            throw new DecodeException("cid", "version", 0, "unsupported CID version " + version + " (expected 1)");
        }
        int codecAt = pos[0];
        long codec = readVarint(bytes, pos, "codec");
        if (codec != CODEC_JSON) {
            throw new DecodeException("cid", "codec", codecAt,
                    "unsupported CID codec 0x" + Long.toHexString(codec) + " (expected json 0x200)");
        }
        int hashAt = pos[0];
        long code = readVarint(bytes, pos, "multihash.code");
        HashFunction hash;
        if (code == HashFunction.BLAKE3_256.code) {
            hash = HashFunction.BLAKE3_256;
        } else if (code == HashFunction.SHA2_256.code) {
            hash = HashFunction.SHA2_256;
        } else {
            throw new DecodeException("cid", "multihash.code", hashAt,
                    "unsupported hash code 0x" + Long.toHexString(code) + " (expected blake3 0x1e or sha2-256 0x12)");
        }
        int lengthAt = pos[0];
        long length = readVarint(bytes, pos, "multihash.length");
        if (length != DIGEST_LENGTH) {
            throw new DecodeException("cid", "multihash.length", lengthAt,
                    "digest length " + length + " is not the full hash length " + DIGEST_LENGTH);
        }
        if (bytes.length - pos[0] != DIGEST_LENGTH) {
            throw new DecodeException("cid", "multihash.digest", pos[0], "expected " + DIGEST_LENGTH
                    + " digest bytes, found " + (bytes.length - pos[0]));
        }
        return new Cid(hash, Arrays.copyOfRange(bytes, pos[0], bytes.length));
    }

    private static long readVarint(byte[] bytes, int[] pos, String field) throws DecodeException {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos[0] >= bytes.length) {
                throw new DecodeException("cid", field, pos[0], "truncated varint");
            }
            int b = bytes[pos[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new DecodeException("cid", field, pos[0] - 1, "varint is not minimally encoded");
                }
                return value;
            }
        }
        throw new DecodeException("cid", field, pos[0], "varint longer than 9 bytes");
    }

    /**
     * Checks that {@code content} hashes to the CID {@code cidText}, with the CID's own hash function (as
     * AquaVM's {@code verify_value}).
     *
     * @throws DecodeException      if the text is not a supported CID
     * @throws CidMismatchException if the content hashes differently
     */
    public static void verify(String cidText, byte[] content) throws DecodeException, CidMismatchException {
        Cid expected = parse(cidText);
        Cid actual = of(expected.hash, content);
        if (!actual.equals(expected)) {
            throw new CidMismatchException(cidText, actual.toString());
        }
    }

    public boolean matches(byte[] content) {
        return of(hash, content).equals(this);
    }

    public HashFunction hashFunction() {
        return hash;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** Binary form: version, codec, multihash code, length, digest. */
    public byte[] toBytes() {
        byte[] out = new byte[5 + DIGEST_LENGTH];
        out[0] = 0x01;
        out[1] = (byte) 0x80;
        out[2] = 0x04;
        out[3] = (byte) hash.code;
        out[4] = DIGEST_LENGTH;
        System.arraycopy(digest, 0, out, 5, DIGEST_LENGTH);
        return out;
    }

    /** The canonical base32 text (also for SHA2 CIDs parsed from base58). */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = "b" + Base32.encode(toBytes());
            text = t;
        }
        return t;
    }

    /** Orders by canonical text, i.e. by the bytes AquaVM sorts signed CID lists by. */
    @Override
    public int compareTo(Cid other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && c.hash == hash && Arrays.equals(c.digest, digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}
