package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirParseException;
import dev.aurum.aquavm.air.AirParser;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-engine memo of pure, expensive results: key pairs derived from seeds, Ed25519 public keys
 * parsed (and curve-checked) from their bytes, signature triples that verified, parsed scripts, and
 * decoded particle data (with whether its CID stores verified).
 * Each entry is a pure function of its key, so a hit returns exactly what recomputing would: output
 * cannot change. Only successes are kept (failures are recomputed, so their messages stay exact).
 *
 * <p>Why: a peer runs several invokes per particle with the same key and script, and data carries
 * every earlier peer's signature, so without this every invoke (and every hop the trace verifier
 * replays) re-derives its key and re-verifies signatures it has already checked. Likewise the same
 * data arrives several times (as one hop's result, the next hop's received data, the peer's prev data
 * later), and data grows hop by hop, so decoding it and re-hashing every CID store entry each time
 * would make a particle's cost quadratic in its hops.
 *
 * <p>Bounded: each map holds at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes of
 * kept messages or script text ({@link #MAX_DECODED_BYTES} of encoded data for decoded data), evicting
 * the oldest insertion first (a larger single item is not kept). Lookups compare the full inputs, never
 * just a hash. Maps are only looked up, never iterated for output. Synchronized so that an engine
 * shared between threads stays correct (TeaVM's single thread makes it free there).
 */
final class EngineMemo {

    static final int MAX_ENTRIES = 256;
    static final long MAX_BYTES = 4L << 20;
    /** Decoded data takes several times its encoded size on the heap, so it gets a smaller budget. */
    static final long MAX_DECODED_BYTES = 1L << 20;

    private final Lru<Bytes, KeyPair> keyPairs = new Lru<>(MAX_BYTES);
    private final Lru<Bytes, PublicKey> publicKeys = new Lru<>(MAX_BYTES);
    /** signature bytes → the (key, message) it verified for */
    private final Lru<Bytes, Verified> verified = new Lru<>(MAX_BYTES);
    private final Lru<String, Instruction> scripts = new Lru<>(MAX_BYTES);
    /** CID text → the content it was verified against */
    private final Lru<String, byte[]> verifiedCids = new Lru<>(MAX_BYTES);
    /** rkyv inner data bytes → the decoded data (immutable records, so sharing it is safe) */
    private final Lru<Bytes, Decoded> decoded = new Lru<>(MAX_DECODED_BYTES);

    /** Decoded particle data, and whether its CID stores passed verification. */
    static final class Decoded {
        /** No data at all (empty bytes): nothing to decode, and its empty stores verify. */
        static final Decoded NONE = new Decoded(InterpreterData.EMPTY, true);

        private final InterpreterData data;
        private boolean cidsVerified;

        private Decoded(InterpreterData data, boolean cidsVerified) {
            this.data = data;
            this.cidsVerified = cidsVerified;
        }

        InterpreterData data() {
            return data;
        }
    }

    private record Verified(byte[] key, byte[] message) {
    }

    synchronized KeyPair keyPair(byte[] seed) {
        Bytes k = new Bytes(seed.clone());
        KeyPair p = keyPairs.get(k);
        if (p == null) {
            p = KeyPair.fromSeed(seed);
            keyPairs.put(k, p, 0);
        }
        return p;
    }

    synchronized PublicKey publicKey(byte[] fluenceBytes) throws DecodeException {
        Bytes k = new Bytes(fluenceBytes.clone());
        PublicKey p = publicKeys.get(k);
        if (p == null) {
            p = PublicKey.fromFluenceBytes(fluenceBytes);
            publicKeys.put(k, p, 0);
        }
        return p;
    }

    synchronized void rememberPublicKey(PublicKey key) {
        byte[] fluenceBytes = key.toFluenceBytes();
        Bytes k = new Bytes(fluenceBytes);
        if (publicKeys.get(k) == null) {
            publicKeys.put(k, key, 0);
        }
    }

    synchronized boolean verify(PublicKey key, Signature signature, byte[] message) {
        Bytes k = new Bytes(signature.toRawBytes());
        byte[] keyBytes = key.toRawBytes();
        Verified v = verified.get(k);
        if (v != null && Arrays.equals(v.key, keyBytes) && Arrays.equals(v.message, message)) {
            return true;
        }
        if (!key.verify(message, signature)) {
            return false;
        }
        verified.put(k, new Verified(keyBytes, message.clone()), message.length);
        return true;
    }

    synchronized Instruction script(String air) throws AirParseException {
        Instruction s = scripts.get(air);
        if (s == null) {
            s = AirParser.parse(air);
            scripts.put(air, s, 2L * air.length());
        }
        return s;
    }

    /** The decoded inner data of an envelope; decoding failures are not kept (their messages stay exact). */
    synchronized Decoded decode(byte[] innerData) throws DecodeException {
        Bytes probe = new Bytes(innerData); // a lookup key only: a hit (the usual case) copies nothing
        Decoded d = decoded.get(probe);
        if (d == null) {
            d = new Decoded(InterpreterDataRkyv.decode(innerData), false);
            decoded.put(probe.copy(), d, innerData.length);
        }
        return d;
    }

    /** Whether {@code content} already verified against {@code cid} (a CID store entry seen before). */
    synchronized boolean cidVerified(String cid, byte[] content) {
        byte[] known = verifiedCids.get(cid);
        return known != null && Arrays.equals(known, content);
    }

    synchronized void rememberVerifiedCid(String cid, byte[] content) {
        verifiedCids.put(cid, content.clone(), content.length + 2L * cid.length());
    }

    /** Whether {@code d}'s CID stores have already passed {@link Verifier#verifyCidInfo}. */
    synchronized boolean cidsVerified(Decoded d) {
        return d.cidsVerified;
    }

    synchronized void markCidsVerified(Decoded d) {
        d.cidsVerified = true;
    }

    /** How many verified signatures are remembered (for tests of the bounds). */
    synchronized int rememberedSignatures() {
        return verified.size();
    }

    /** Insertion-ordered, bounded by entry count and by the summed weight of the kept items. */
    private static final class Lru<K, V> {
        private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();
        private final LinkedHashMap<K, Long> weights = new LinkedHashMap<>();
        private final long maxBytes;
        private long weight;

        Lru(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        V get(K key) {
            return entries.get(key);
        }

        void put(K key, V value, long itemWeight) {
            if (itemWeight > maxBytes) {
                return;
            }
            Long old = weights.remove(key);
            if (old != null) {
                entries.remove(key);
                weight -= old;
            }
            entries.put(key, value);
            weights.put(key, itemWeight);
            weight += itemWeight;
            Iterator<Map.Entry<K, Long>> oldest = weights.entrySet().iterator();
            while (entries.size() > MAX_ENTRIES || weight > maxBytes) {
                Map.Entry<K, Long> e = oldest.next();
                entries.remove(e.getKey());
                weight -= e.getValue();
                oldest.remove();
            }
        }

        int size() {
            return entries.size();
        }
    }

    /** A byte array compared by content. */
    private static final class Bytes {
        private final byte[] bytes;
        private final int hash;

        Bytes(byte[] bytes) {
            this(bytes, sampledHash(bytes));
        }

        private Bytes(byte[] bytes, int hash) {
            this.bytes = bytes;
            this.hash = hash;
        }

        /** An equal key that owns its bytes (the caller may change the array it looked up with). */
        Bytes copy() {
            return new Bytes(bytes.clone(), hash);
        }

        /**
         * Hashes a long array by its length and a bounded sample (its ends and evenly spaced bytes):
         * data keys run to kilobytes and equality is checked in full anyway, so a full hash would
         * only add a pass over every byte to each lookup.
         */
        private static int sampledHash(byte[] b) {
            if (b.length <= 256) {
                return Arrays.hashCode(b);
            }
            int h = b.length;
            for (int i = 0; i < 64; i++) {
                h = 31 * h + b[i];
                h = 31 * h + b[b.length - 1 - i];
            }
            int step = b.length / 64;
            for (int i = 64; i < b.length - 64; i += step) {
                h = 31 * h + b[i];
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && b.hash == hash && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
