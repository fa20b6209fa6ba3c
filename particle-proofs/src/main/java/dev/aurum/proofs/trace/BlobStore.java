package dev.aurum.proofs.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** The byte strings a trace refers to by {@link ContentHash}, each stored once, in hash order. */
public final class BlobStore {

    private final TreeMap<ContentHash, byte[]> blobs;

    private BlobStore(TreeMap<ContentHash, byte[]> blobs) {
        this.blobs = blobs;
    }

    public boolean contains(ContentHash hash) {
        return blobs.containsKey(hash);
    }

    /** The blob with this hash, or null if the trace does not hold it. */
    public byte[] get(ContentHash hash) {
        byte[] b = blobs.get(hash);
        return b == null ? null : b.clone();
    }

    public int size() {
        return blobs.size();
    }

    /** Hashes in ascending order. */
    public List<ContentHash> hashes() {
        return Collections.unmodifiableList(new ArrayList<>(blobs.keySet()));
    }

    /** Blobs in ascending hash order (the encoding order). */
    List<byte[]> contentsInOrder() {
        List<byte[]> out = new ArrayList<>(blobs.size());
        for (byte[] b : blobs.values()) {
            out.add(b);
        }
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects blobs; adding the same content twice keeps one copy. */
    public static final class Builder {
        private final TreeMap<ContentHash, byte[]> blobs = new TreeMap<>();

        public ContentHash add(byte[] content) {
            ContentHash h = ContentHash.of(content);
            blobs.putIfAbsent(h, content.clone());
            return h;
        }

        /** Copies one blob from another store. */
        public Builder copy(BlobStore from, ContentHash hash) {
            byte[] b = from.blobs.get(hash);
            if (b == null) {
                throw new IllegalArgumentException("no blob " + hash);
            }
            blobs.putIfAbsent(hash, b);
            return this;
        }

        public BlobStore build() {
            return new BlobStore(new TreeMap<>(blobs));
        }
    }
}
