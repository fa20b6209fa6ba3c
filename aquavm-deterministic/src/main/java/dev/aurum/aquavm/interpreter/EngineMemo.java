package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirParseException;
import dev.aurum.aquavm.air.AirParser;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.crypto.Signature;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-engine memo of pure, expensive results: key pairs derived from seeds, Ed25519 public keys
 * parsed (and curve-checked) from their bytes, signature triples that verified, and parsed scripts.
 * Each entry is a pure function of its key, so a hit returns exactly what recomputing would: output
 * cannot change. Only successes are kept (failures are recomputed, so their messages stay exact).
 *
 * <p>Why: a peer runs several invokes per particle with the same key and script, and data carries
 * every earlier peer's signature, so without this every invoke (and every hop the trace verifier
 * replays) re-derives its key and re-verifies signatures it has already checked.
 *
 * <p>Bounded: each map holds at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes of
 * kept messages or script text, evicting the oldest insertion first (a larger single item is not
 * kept). Lookups compare the full inputs, never just a hash. Maps are only looked up, never iterated for output. Synchronized so
 * that an engine shared between threads stays correct (TeaVM's single thread makes it free there).
 */
final class EngineMemo {

    static final int MAX_ENTRIES = 256;
    static final long MAX_BYTES = 4L << 20;

    private final Lru<Bytes, KeyPair> keyPairs = new Lru<>();
    private final Lru<Bytes, PublicKey> publicKeys = new Lru<>();
    /** signature bytes → the (key, message) it verified for */
    private final Lru<Bytes, Verified> verified = new Lru<>();
    private final Lru<String, Instruction> scripts = new Lru<>();

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

    /** How many verified signatures are remembered (for tests of the bounds). */
    synchronized int rememberedSignatures() {
        return verified.size();
    }

    /** Insertion-ordered, bounded by entry count and by the summed weight of the kept items. */
    private static final class Lru<K, V> {
        private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();
        private final LinkedHashMap<K, Long> weights = new LinkedHashMap<>();
        private long weight;

        V get(K key) {
            return entries.get(key);
        }

        void put(K key, V value, long itemWeight) {
            if (itemWeight > MAX_BYTES) {
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
            while (entries.size() > MAX_ENTRIES || weight > MAX_BYTES) {
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
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
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
