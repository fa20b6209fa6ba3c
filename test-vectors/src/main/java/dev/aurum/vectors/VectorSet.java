package dev.aurum.vectors;

import java.util.SortedMap;

/**
 * A set of shipped vectors: seeded, deterministic generator code and the files it writes, committed
 * under {@code test-vectors/src/main/resources/vectors/}. Regenerating must give the committed bytes.
 */
public interface VectorSet {

    /** Short name, e.g. {@code codec}. */
    String name();

    /** One line for humans. */
    String description();

    /** Every file of the set: path relative to the vectors root ({@code /}-separated) → bytes. */
    SortedMap<String, byte[]> generate(VectorContext context);
}
