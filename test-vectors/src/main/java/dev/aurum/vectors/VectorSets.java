package dev.aurum.vectors;

import dev.aurum.vectors.sets.CodecVectors;
import dev.aurum.vectors.sets.InvokeTranscripts;
import dev.aurum.vectors.sets.ProtocolVectors;
import dev.aurum.vectors.sets.ProofBundles;
import dev.aurum.vectors.sets.SignedTraces;

import java.util.List;

/**
 * The registry of shipped vector sets. A new set plugs in by implementing {@link VectorSet} and being
 * listed here; {@link Reproducer} and {@code aurum vectors reproduce} then cover it.
 */
public final class VectorSets {

    private VectorSets() {
    }

    public static List<VectorSet> all() {
        return List.of(new CodecVectors(), new InvokeTranscripts(), new SignedTraces(),
                new ProtocolVectors(), new ProofBundles());
    }
}
