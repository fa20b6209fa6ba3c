package dev.aurum.aquavm.rkyv;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.Utf8;
import java.util.TreeMap;

/**
 * Bounds, alignment and ownership checks over an rkyv 0.7 archive, with the rules of rkyv's
 * {@code DefaultValidator} ({@code ArchiveValidator} + {@code SharedValidator}):
 * <ul>
 *   <li>a relative pointer's target lies inside the buffer, is aligned for its type and has room
 *       for it;</li>
 *   <li>every owned object claims its bytes from the current <em>subtree range</em>: its own
 *       children must lie before it, and its later siblings after it. This is how rkyv lays data out
 *       (dependencies first, depth first, in field order) and it means no two objects overlap, so
 *       the decoded size is bounded by the input size;</li>
 *   <li>a shared ({@code Rc}) target is claimed the first time it is reached; later pointers to the
 *       same address must have the same type and reuse the first decoded value (as rkyv's
 *       {@code SharedDeserializeMap} does).</li>
 * </ul>
 */
final class ArchiveValidator {

    static final String FORMAT = "rkyv";

    private final byte[] bytes;
    private int lo;
    private int hi;
    private final TreeMap<Integer, Shared> shared = new TreeMap<>();

    /** What sits at a shared address: its type and the value decoded the first time. */
    record Shared(SharedKind kind, Object value) {
    }

    enum SharedKind {
        STR, STRING, RAW_VALUE, TETRAPLET, CANON_ELEMENT, CANON_RESULT, SERVICE_RESULT
    }

    ArchiveValidator(byte[] bytes) {
        this.bytes = bytes;
        this.lo = 0;
        this.hi = bytes.length;
    }

    int length() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    DecodeException error(FieldPath path, long offset, String problem) {
        return new DecodeException(FORMAT, path.toString(), offset, problem);
    }

    int u8(int pos) {
        return bytes[pos] & 0xFF;
    }

    /** Big-endian u32 (feature {@code archive_be}). */
    long u32(int pos) {
        return ((long) (bytes[pos] & 0xFF) << 24) | ((bytes[pos + 1] & 0xFF) << 16)
                | ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
    }

    /** Big-endian i32: a relative pointer's offset. */
    int i32(int pos) {
        return (int) u32(pos);
    }

    /** Little-endian i32: the out-of-line offset of an ArchivedString (rkyv 0.7 writes it with to_le_bytes). */
    int i32le(int pos) {
        return (bytes[pos] & 0xFF) | ((bytes[pos + 1] & 0xFF) << 8) | ((bytes[pos + 2] & 0xFF) << 16)
                | ((bytes[pos + 3] & 0xFF) << 24);
    }

    /**
     * Resolves {@code base + offset} like rkyv's {@code check_ptr}: in bounds, aligned to
     * {@code align}, with {@code size} bytes available before the end of the buffer.
     */
    int target(FieldPath path, int base, long offset, int align, long size) throws DecodeException {
        long t = base + offset;
        if (t < 0 || t > bytes.length) {
            throw error(path, base, "pointer out of bounds: target " + t + " outside 0.." + bytes.length);
        }
        if ((t & (align - 1)) != 0) {
            throw error(path, base, "pointer target " + t + " not aligned to " + align);
        }
        if (bytes.length - t < size) {
            throw error(path, base, "pointer target " + t + " of " + size + " bytes overruns the buffer of " + bytes.length);
        }
        return (int) t;
    }

    /**
     * Claims {@code [pos, pos+size)} from the current subtree range and narrows the range to what
     * may precede it (its children). Returns the range end to hand back to {@link #leave}.
     */
    int enter(FieldPath path, int pos, long size) throws DecodeException {
        boolean inside = size == 0 ? pos >= lo && pos <= hi : pos >= lo && pos < hi && hi - pos >= size;
        if (!inside) {
            throw error(path, pos, "object of " + size + " bytes at " + pos
                    + " is not inside its free subtree range " + lo + ".." + hi
                    + " (overlaps another object or breaks rkyv's children-first order)");
        }
        int savedHi = hi;
        hi = pos;
        return savedHi;
    }

    /** Ends a claim: what follows must come after the object. */
    void leave(int pos, long size, int savedHi) {
        lo = (int) (pos + size);
        hi = savedHi;
    }

    /**
     * What is registered at {@code address}: null the first time (the caller then claims and decodes
     * it, between {@link #registerShared} and {@link #completeShared}); otherwise the entry, whose type
     * must match, as rkyv's {@code SharedValidator} requires.
     */
    Shared sharedAt(FieldPath path, int address, SharedKind kind) throws DecodeException {
        Shared s = shared.get(address);
        if (s != null && s.kind() != kind) {
            throw error(path, address, "shared pointer target at " + address + " is a " + s.kind() + ", not a " + kind);
        }
        if (s != null && s.value() == null) {
            // Cannot happen with this schema (no type contains an Rc of its own type); kept as a guard.
            throw error(path, address, "shared pointer points into the object being decoded");
        }
        return s;
    }

    /** Registers the address before its contents are checked, so a pointer of another type to it inside them fails. */
    void registerShared(int address, SharedKind kind) {
        shared.put(address, new Shared(kind, null));
    }

    void completeShared(int address, SharedKind kind, Object value) {
        shared.put(address, new Shared(kind, value));
    }

    /** A strictly valid UTF-8 string from {@code [pos, pos+len)}. */
    String utf8(FieldPath path, int pos, int len) throws DecodeException {
        // one strict pass that validates and decodes (not new String(): costly in Wasm); the offset of the
        // first bad sequence is only worked out for the error
        String s = Utf8.decodeOrNull(bytes, pos, len);
        if (s == null) {
            throw error(path, pos + Utf8.validPrefixLength(bytes, pos, len), "invalid UTF-8 in string");
        }
        return s;
    }
}
