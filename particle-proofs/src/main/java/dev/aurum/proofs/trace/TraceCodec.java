package dev.aurum.proofs.trace;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.cbor.CanonicalCborReader;
import dev.aurum.proofs.cbor.CanonicalCborWriter;
import dev.aurum.proofs.particle.ParticleHeader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signed-trace CBOR codec (format in {@code docs/formats.md}). Writing is canonical (RFC 8949
 * §4.2.1); reading accepts only the canonical encoding: it decodes, re-encodes and requires the same
 * bytes, so every trace has exactly one encoding and its hash identifies it.
 */
public final class TraceCodec {

    public static final String FORMAT = "trace";

    private TraceCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encode(SignedTrace trace) {
        CanonicalCborWriter w = new CanonicalCborWriter();
        w.startMap(4);
        w.key("v").integer(SignedTrace.VERSION);
        w.key("hops").startArray(trace.hops().size());
        for (Hop hop : trace.hops()) {
            writeHop(w, hop, true);
        }
        w.endArray();
        List<byte[]> blobs = trace.blobs().contentsInOrder();
        w.key("blobs").startArray(blobs.size());
        for (byte[] b : blobs) {
            w.bytes(b);
        }
        w.endArray();
        w.key("particle");
        writeHeader(w, trace.particle());
        w.endMap();
        return w.toByteArray();
    }

    /** The canonical CBOR of a particle header alone (hashed into hop 0's link). */
    public static byte[] encodeHeader(ParticleHeader header) {
        CanonicalCborWriter w = new CanonicalCborWriter();
        writeHeader(w, header);
        return w.toByteArray();
    }

    /** The canonical CBOR of one hop record, with or without its signature. */
    public static byte[] encodeHop(Hop hop, boolean withSignature) {
        CanonicalCborWriter w = new CanonicalCborWriter();
        writeHop(w, hop, withSignature);
        return w.toByteArray();
    }

    private static void writeHeader(CanonicalCborWriter w, ParticleHeader p) {
        w.startMap(6);
        w.key("id").text(p.id());
        w.key("ttl").integer(p.ttl());
        w.key("init").text(p.initPeerId());
        w.key("script").text(p.script());
        w.key("signature").bytes(p.signature());
        w.key("timestamp").integer(p.timestamp());
        w.endMap();
    }

    private static void writeHop(CanonicalCborWriter w, Hop h, boolean withSignature) {
        w.startMap(withSignature ? 9 : 8);
        w.key("in").bytes(h.incoming().bytes());
        if (withSignature) {
            w.key("sig").bytes(h.signature());
        }
        w.key("from");
        if (h.from() < 0) {
            w.nullValue();
        } else {
            w.integer(h.from());
        }
        w.key("link").bytes(h.link().bytes());
        w.key("peer").text(h.peer());
        w.key("prev").bytes(h.prev().bytes());
        w.key("time").integer(h.time());
        w.key("index").integer(h.index());
        w.key("rounds").startArray(h.rounds().size());
        for (InvokeRound r : h.rounds()) {
            writeRound(w, r);
        }
        w.endArray();
        w.endMap();
    }

    private static void writeRound(CanonicalCborWriter w, InvokeRound r) {
        w.startMap(7);
        w.key("ret").integer(r.retCode());
        w.key("data").bytes(r.data().bytes());
        w.key("next").startArray(r.nextPeers().size());
        for (String p : r.nextPeers()) {
            w.text(p);
        }
        w.endArray();
        w.key("error").text(r.errorMessage());
        w.key("flags").integer(r.limitFlags());
        w.key("results").bytes(r.callResults().bytes());
        w.key("requests").bytes(r.callRequests().bytes());
        w.endMap();
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes a trace. Checks structure, bounds, that every referenced blob is present and every
     * blob referenced, that next peers are sorted and distinct, and that the input is the canonical
     * encoding. Does not check signatures or semantics: that is the verifier's job.
     */
    public static SignedTrace decode(byte[] input) throws DecodeException {
        SignedTrace trace;
        try (CanonicalCborReader r = new CanonicalCborReader(FORMAT, input, TraceLimits.MAX_TRACE_BYTES)) {
            r.startMap("", 4);
            r.key("", "v");
            long version = r.integer("v", 0, Long.MAX_VALUE);
            if (version != SignedTrace.VERSION) {
                throw r.error("v", "unsupported trace format version " + version + " (this build reads "
                        + SignedTrace.VERSION + ")");
            }
            r.key("", "hops");
            int hopCount = r.startArray("hops", TraceLimits.MAX_HOPS);
            List<Hop> hops = new ArrayList<>(hopCount);
            for (int i = 0; i < hopCount; i++) {
                hops.add(readHop(r, "hops[" + i + "]"));
            }
            r.endArray("hops");
            r.key("", "blobs");
            BlobStore blobs = readBlobs(r);
            r.key("", "particle");
            ParticleHeader header = readHeader(r, "particle");
            r.endMap("");
            r.end();
            trace = new SignedTrace(header, hops, blobs);
            checkReferences(r, trace);
        }
        byte[] canonical = encode(trace);
        int diff = firstDifference(input, canonical);
        if (diff >= 0) {
            throw new DecodeException(FORMAT, "", diff,
                    "not the canonical encoding (RFC 8949 §4.2.1: shortest integers, definite lengths, sorted keys)");
        }
        return trace;
    }

    /** Index of the first differing byte, or -1 if equal (by hand: Arrays.mismatch is not used for TeaVM portability). */
    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    private static BlobStore readBlobs(CanonicalCborReader r) throws DecodeException {
        int n = r.startArray("blobs", TraceLimits.MAX_BLOBS);
        BlobStore.Builder b = BlobStore.builder();
        ContentHash last = null;
        for (int i = 0; i < n; i++) {
            String path = "blobs[" + i + "]";
            byte[] content = r.bytes(path, TraceLimits.MAX_BLOB_BYTES);
            ContentHash h = b.add(content);
            if (last != null && last.compareTo(h) >= 0) {
                throw r.error(path, "blobs must be in strictly ascending order of their SHA-256");
            }
            last = h;
        }
        r.endArray("blobs");
        return b.build();
    }

    private static ParticleHeader readHeader(CanonicalCborReader r, String path) throws DecodeException {
        r.startMap(path, 6);
        r.key(path, "id");
        String id = r.text(path + ".id", TraceLimits.MAX_PARTICLE_ID_BYTES);
        r.key(path, "ttl");
        long ttl = r.integer(path + ".ttl", 0, 0xFFFF_FFFFL);
        r.key(path, "init");
        String init = r.text(path + ".init", TraceLimits.MAX_PEER_ID_BYTES);
        r.key(path, "script");
        String script = r.text(path + ".script", TraceLimits.MAX_SCRIPT_BYTES);
        r.key(path, "signature");
        byte[] sig = r.bytes(path + ".signature", TraceLimits.SIGNATURE_BYTES);
        r.key(path, "timestamp");
        long ts = r.integer(path + ".timestamp", 0, Long.MAX_VALUE);
        r.endMap(path);
        return new ParticleHeader(id, init, ts, ttl, script, sig);
    }

    private static Hop readHop(CanonicalCborReader r, String path) throws DecodeException {
        r.startMap(path, 9);
        r.key(path, "in");
        ContentHash in = hash(r, path + ".in");
        r.key(path, "sig");
        byte[] sig = r.bytes(path + ".sig", TraceLimits.SIGNATURE_BYTES);
        r.key(path, "from");
        int from = (int) r.nullableInteger(path + ".from", 0, TraceLimits.MAX_HOPS, -1);
        r.key(path, "link");
        ContentHash link = hash(r, path + ".link");
        r.key(path, "peer");
        String peer = r.text(path + ".peer", TraceLimits.MAX_PEER_ID_BYTES);
        r.key(path, "prev");
        ContentHash prev = hash(r, path + ".prev");
        r.key(path, "time");
        long time = r.integer(path + ".time", 0, Long.MAX_VALUE);
        r.key(path, "index");
        int index = (int) r.integer(path + ".index", 0, TraceLimits.MAX_HOPS);
        r.key(path, "rounds");
        int n = r.startArray(path + ".rounds", TraceLimits.MAX_ROUNDS);
        if (n == 0) {
            throw r.error(path + ".rounds", "a hop has at least one invoke round");
        }
        List<InvokeRound> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rounds.add(readRound(r, path + ".rounds[" + i + "]"));
        }
        r.endArray(path + ".rounds");
        r.endMap(path);
        return new Hop(index, peer, from, time, in, prev, rounds, link, sig);
    }

    private static InvokeRound readRound(CanonicalCborReader r, String path) throws DecodeException {
        r.startMap(path, 7);
        r.key(path, "ret");
        long ret = r.integer(path + ".ret", Long.MIN_VALUE, Long.MAX_VALUE);
        r.key(path, "data");
        ContentHash data = hash(r, path + ".data");
        r.key(path, "next");
        int n = r.startArray(path + ".next", TraceLimits.MAX_NEXT_PEERS);
        List<String> next = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String p = r.text(path + ".next[" + i + "]", TraceLimits.MAX_PEER_ID_BYTES);
            if (!next.isEmpty() && next.get(next.size() - 1).compareTo(p) >= 0) {
                throw r.error(path + ".next[" + i + "]", "next peers must be sorted and distinct");
            }
            next.add(p);
        }
        r.endArray(path + ".next");
        r.key(path, "error");
        String error = r.text(path + ".error", TraceLimits.MAX_ERROR_MESSAGE_BYTES);
        r.key(path, "flags");
        int flags = (int) r.integer(path + ".flags", 0, 7);
        r.key(path, "results");
        ContentHash results = hash(r, path + ".results");
        r.key(path, "requests");
        ContentHash requests = hash(r, path + ".requests");
        r.endMap(path);
        return new InvokeRound(results, ret, error, data, requests, next, flags);
    }

    private static ContentHash hash(CanonicalCborReader r, String path) throws DecodeException {
        byte[] b = r.bytes(path, ContentHash.LENGTH);
        if (b.length != ContentHash.LENGTH) {
            throw r.error(path, "a content hash has 32 bytes, found " + b.length);
        }
        return ContentHash.fromDigest(b);
    }

    /** Every hash a hop names must be a blob of the trace, and every blob must be named. */
    private static void checkReferences(CanonicalCborReader r, SignedTrace trace) throws DecodeException {
        Set<ContentHash> used = new HashSet<>();
        for (Hop h : trace.hops()) {
            String path = "hops[" + h.index() + "]";
            need(r, trace, used, h.incoming(), path + ".in");
            need(r, trace, used, h.prev(), path + ".prev");
            for (int i = 0; i < h.rounds().size(); i++) {
                InvokeRound round = h.rounds().get(i);
                String rp = path + ".rounds[" + i + "]";
                need(r, trace, used, round.callResults(), rp + ".results");
                need(r, trace, used, round.data(), rp + ".data");
                need(r, trace, used, round.callRequests(), rp + ".requests");
            }
        }
        // hop positions are checked here too: they are structure, not semantics
        for (int i = 0; i < trace.hops().size(); i++) {
            if (trace.hops().get(i).index() != i) {
                throw new DecodeException(FORMAT, "hops[" + i + "].index", -1,
                        "hop at position " + i + " says index " + trace.hops().get(i).index());
            }
        }
        if (used.size() != trace.blobs().size()) {
            TreeMap<ContentHash, Boolean> unused = new TreeMap<>();
            for (ContentHash h : trace.blobs().hashes()) {
                if (!used.contains(h)) {
                    unused.put(h, Boolean.TRUE);
                }
            }
            throw new DecodeException(FORMAT, "blobs", -1,
                    unused.size() + " blob(s) not referenced by any hop, first " + unused.firstKey().shortHex());
        }
    }

    private static void need(CanonicalCborReader r, SignedTrace trace, Set<ContentHash> used, ContentHash h,
                             String path) throws DecodeException {
        if (!trace.blobs().contains(h)) {
            throw new DecodeException(FORMAT, path, -1, "refers to blob " + h.shortHex() + " which the trace does not hold");
        }
        used.add(h);
    }
}
