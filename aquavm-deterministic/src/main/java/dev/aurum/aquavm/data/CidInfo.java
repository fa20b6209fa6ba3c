package dev.aurum.aquavm.data;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The five CID-addressed stores of InterpreterData, each CID → object. Kept sorted by CID
 * ({@link CanonicalOrder#STRINGS}): iterating a store gives its entries in that order, so
 * everything written from them is canonical.
 *
 * @param valueStore          CID → the value's raw JSON text, exactly as stored (it is what the CID hashes)
 * @param tetrapletStore      CID → tetraplet
 * @param canonElementStore   CID → canon element
 * @param canonResultStore    CID → canon stream
 * @param serviceResultStore  CID → call result
 */
public record CidInfo(
        Map<String, String> valueStore,
        Map<String, SecurityTetraplet> tetrapletStore,
        Map<String, CanonCidAggregate> canonElementStore,
        Map<String, CanonResultCidAggregate> canonResultStore,
        Map<String, ServiceResultCidAggregate> serviceResultStore) {

    public static final CidInfo EMPTY = new CidInfo(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** Copies each store into an unmodifiable map that iterates in {@link CanonicalOrder#STRINGS} key order. */
    public CidInfo {
        valueStore = sortedCopy(valueStore, "valueStore");
        tetrapletStore = sortedCopy(tetrapletStore, "tetrapletStore");
        canonElementStore = sortedCopy(canonElementStore, "canonElementStore");
        canonResultStore = sortedCopy(canonResultStore, "canonResultStore");
        serviceResultStore = sortedCopy(serviceResultStore, "serviceResultStore");
    }

    // Collections.unmodifiableSortedMap is missing from TeaVM's class library; an unmodifiable view
    // of a TreeMap keeps the sorted iteration order.
    static <V> Map<String, V> sortedCopy(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        TreeMap<String, V> copy = new TreeMap<>(CanonicalOrder.STRINGS);
        for (Map.Entry<String, V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), name + " key"), Objects.requireNonNull(e.getValue(), name + " value"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
