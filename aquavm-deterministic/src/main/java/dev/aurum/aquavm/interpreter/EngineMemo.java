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
 * <p>Bounded: each map holds at most {@link #MAX_ENTRIES} entries, evicting the oldest insertion
 * first; messages and scripts above {@link #MAX_REMEMBERED_BYTES} are not kept. Lookups compare the
 * full inputs, never just a hash. Maps are only looked up, never iterated for output. Synchronized so
 * that an engine shared between threads stays correct (TeaVM's single thread makes it free there).
 */
final class EngineMemo {

    static final int MAX_ENTRIES = 256;
    static final int MAX_REMEMBERED_BYTES = 1 << 20;

    private final LinkedHashMap<Bytes, KeyPair> keyPairs = new LinkedHashMap<>();
    private final LinkedHashMap<Bytes, PublicKey> publicKeys = new LinkedHashMap<>();
    /** signature bytes → the (key, message) it verified for */
    private final LinkedHashMap<Bytes, Verified> verified = new LinkedHashMap<>();
    private final LinkedHashMap<String, Instruction> scripts = new LinkedHashMap<>();

    private record Verified(byte[] key, byte[] message) {
    }

    synchronized KeyPair keyPair(byte[] seed) {
        Bytes k = new Bytes(seed.clone());
        KeyPair p = keyPairs.get(k);
        if (p == null) {
            p = KeyPair.fromSeed(seed);
            remember(keyPairs, k, p);
        }
        return p;
    }

    synchronized PublicKey publicKey(byte[] fluenceBytes) throws DecodeException {
        Bytes k = new Bytes(fluenceBytes.clone());
        PublicKey p = publicKeys.get(k);
        if (p == null) {
            p = PublicKey.fromFluenceBytes(fluenceBytes);
            remember(publicKeys, k, p);
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
        if (message.length <= MAX_REMEMBERED_BYTES) {
            remember(verified, k, new Verified(keyBytes, message.clone()));
        }
        return true;
    }

    synchronized Instruction script(String air) throws AirParseException {
        Instruction s = scripts.get(air);
        if (s == null) {
            s = AirParser.parse(air);
            if (air.length() <= MAX_REMEMBERED_BYTES) {
                remember(scripts, air, s);
            }
        }
        return s;
    }

    private static <K, V> void remember(LinkedHashMap<K, V> map, K key, V value) {
        map.put(key, value);
        if (map.size() > MAX_ENTRIES) {
            Iterator<Map.Entry<K, V>> oldest = map.entrySet().iterator();
            oldest.next();
            oldest.remove();
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
