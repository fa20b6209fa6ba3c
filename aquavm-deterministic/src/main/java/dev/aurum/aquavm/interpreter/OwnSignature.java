package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;

/**
 * What a run puts into its data as the current peer's signature over its CIDs: a fresh signature with
 * the run's key pair (what AquaVM does), nothing, or a given entry (a verifier replaying a hop with
 * the signature the peer recorded; the verifier checks that signature separately).
 */
final class OwnSignature {

    static final OwnSignature SIGN = new OwnSignature(true, null, null);
    static final OwnSignature OMIT = new OwnSignature(false, null, null);

    private final boolean signs;
    private final EncodedPublicKey key;
    private final EncodedSignature signature;

    private OwnSignature(boolean signs, EncodedPublicKey key, EncodedSignature signature) {
        this.signs = signs;
        this.key = key;
        this.signature = signature;
    }

    static OwnSignature given(EncodedPublicKey key, EncodedSignature signature) {
        if (key == null || signature == null) {
            throw new IllegalArgumentException("a given signature needs its key and its bytes");
        }
        return new OwnSignature(false, key, signature);
    }

    /** Whether the run signs with its key pair (and so needs it). */
    boolean signs() {
        return signs;
    }

    /** The key of a given entry, or null. */
    EncodedPublicKey givenKey() {
        return key;
    }

    /** The signature of a given entry, or null. */
    EncodedSignature givenSignature() {
        return signature;
    }
}
