package dev.aurum.proofs.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes CBOR in RFC 8949 §4.2.1 core deterministic encoding on top of jackson's streaming
 * {@link CBORGenerator}: shortest integer heads (jackson's default), definite lengths only, and map
 * keys in bytewise order of their encodings. Key order is checked as keys are written, so a caller
 * cannot produce a non-canonical map by mistake; only text keys are used in Aurum formats.
 *
 * <p>Writes into memory; {@link IOException}s cannot happen there and are rethrown unchecked.
 */
public final class CanonicalCborWriter {

    private static final CBORFactory FACTORY = new CBORFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CBORGenerator gen;
    /** Per open map: the encoded previous key (null before the first key). */
    private final Deque<byte[]> lastKeys = new ArrayDeque<>();
    private final Deque<Boolean> containerIsMap = new ArrayDeque<>();

    public CanonicalCborWriter() {
        try {
            gen = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CanonicalCborWriter startMap(int entries) {
        try {
            gen.writeStartObject(null, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        containerIsMap.push(Boolean.TRUE);
        lastKeys.push(new byte[0]);
        return this;
    }

    public CanonicalCborWriter endMap() {
        try {
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        containerIsMap.pop();
        lastKeys.pop();
        return this;
    }

    public CanonicalCborWriter startArray(int elements) {
        try {
            gen.writeStartArray(null, elements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        containerIsMap.push(Boolean.FALSE);
        return this;
    }

    public CanonicalCborWriter endArray() {
        try {
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        containerIsMap.pop();
        return this;
    }

    /** Writes a map key; keys of one map must come in canonical order (shorter first, then bytewise). */
    public CanonicalCborWriter key(String name) {
        if (containerIsMap.isEmpty() || !containerIsMap.peek()) {
            throw new IllegalStateException("key outside a map: " + name);
        }
        byte[] encoded = dev.aurum.aquavm.json.Utf8.encode(name);
        byte[] previous = lastKeys.pop();
        if (previous.length > 0 && CanonicalOrder.compareTextKeys(previous, encoded) >= 0) {
            throw new IllegalStateException("map key out of canonical order: " + name);
        }
        lastKeys.push(encoded);
        try {
            gen.writeFieldName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CanonicalCborWriter text(String value) {
        try {
            gen.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CanonicalCborWriter bytes(byte[] value) {
        try {
            gen.writeBinary(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CanonicalCborWriter integer(long value) {
        try {
            gen.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CanonicalCborWriter bool(boolean value) {
        try {
            gen.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CanonicalCborWriter nullValue() {
        try {
            gen.writeNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Finishes writing and returns the bytes; the writer must not be used afterwards. */
    public byte[] toByteArray() {
        if (!containerIsMap.isEmpty()) {
            throw new IllegalStateException("unclosed container");
        }
        try {
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
