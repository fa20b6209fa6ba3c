package dev.aurum.aquavm.rkyv;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import java.util.Objects;

/**
 * AquaVM 0.62's {@code inner_data}: {@link InterpreterData} as an rkyv 0.7.43 archive with features
 * {@code size_32}, {@code archive_be}, {@code strict} and {@code validation}.
 *
 * <p>Hand-written: no Java library reads or writes rkyv, whose layout is defined by Rust's type
 * layout and rkyv's serializer. The layout is documented in {@code docs/formats.md}.
 */
public final class InterpreterDataRkyv {

    private InterpreterDataRkyv() {
    }

    /**
     * Validates and decodes an archive, with the checks of rkyv's {@code check_archived_root}
     * (bounds, alignment, non-overlapping children-first layout, shared pointers, enum tags, UTF-8).
     * Store and signature entries may come in any order; a repeated key keeps its last entry, as
     * AquaVM's deserializer does.
     *
     * @throws DecodeException (format {@code rkyv}) naming the field path and byte offset of the first problem
     */
    public static InterpreterData decode(byte[] archive) throws DecodeException {
        Objects.requireNonNull(archive, "archive");
        return InterpreterDataReader.read(archive);
    }

    /**
     * Encodes canonically: stores and signatures in key order, each distinct CID / argument-hash text
     * and each distinct sent-by peer id written once and shared (rkyv {@code Rc} sharing), zero
     * padding. The same data always gives the same bytes, laid out exactly as rkyv would.
     *
     * @throws IllegalArgumentException if a string holds a lone surrogate (it has no UTF-8 form)
     */
    public static byte[] encode(InterpreterData data) {
        Objects.requireNonNull(data, "data");
        return InterpreterDataWriter.write(data);
    }
}
