package dev.aurum.aquavm.data;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every peer's signature over the CIDs it produced, keyed by its public key. In AquaVM this is
 * {@code SignatureStore<PublicKey(Box<[u8]>), Signature(Box<[u8]>)>}: raw encoded bytes on both
 * sides (base58 only in the JSON dump). Sorted by key bytes so output is canonical.
 */
public record SignatureStore(Map<EncodedPublicKey, EncodedSignature> signatures) {

    public static final SignatureStore EMPTY = new SignatureStore(Map.of());

    /** Copies into an unmodifiable map that iterates in key byte order (a view of a TreeMap, see {@link CidInfo}). */
    public SignatureStore {
        Objects.requireNonNull(signatures, "signatures");
        TreeMap<EncodedPublicKey, EncodedSignature> copy = new TreeMap<>();
        for (Map.Entry<EncodedPublicKey, EncodedSignature> e : signatures.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "public key"), Objects.requireNonNull(e.getValue(), "signature"));
        }
        signatures = Collections.unmodifiableMap(copy);
    }
}
