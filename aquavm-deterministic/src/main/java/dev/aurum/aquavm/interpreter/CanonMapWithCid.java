package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.value.CanonStream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canonicalized stream map bound to a name: all {@code {key, value}} pairs in stream order, the
 * values grouped per key, the canon tetraplet and the canon result CID.
 */
final class CanonMapWithCid {

    final List<ValueAggregate> pairs;
    final Map<MapKey, List<ValueAggregate>> byKey = new LinkedHashMap<>();
    final SecurityTetraplet tetraplet;
    final String cid;

    CanonMapWithCid(CanonStream canon, String cid) throws ExecutionError {
        this.pairs = canon.values();
        this.tetraplet = canon.tetraplet();
        this.cid = cid;
        for (ValueAggregate pair : pairs) {
            MapKey key = MapKey.fromKvPair(pair.result());
            if (key == null) {
                throw ExecutionError.uncatchable(ErrorKind.STREAM_MAP_KEY_ERROR,
                        "unsupported kvpair object or map key type");
            }
            JsonValue value = ((JsonObject) pair.result()).get("value");
            if (value == null) {
                throw ExecutionError.uncatchable(ErrorKind.STREAM_MAP_KEY_ERROR,
                        "there must be a \"value\" field in kvpair object");
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(ValueAggregate.of(value, pair.tetraplet(), pair.tracePos(), pair.provenance()));
        }
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    CanonStream index(MapKey key) {
        List<ValueAggregate> values = byKey.get(key);
        return values == null ? null : new CanonStream(values, tetraplet);
    }

    /**
     * An object of key text to the array of that key's values. Keys {@code 1} and {@code "1"} print the
     * same; AquaVM's pick between them depends on hash order, here the later key in stream order wins.
     */
    JsonValue asJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (Map.Entry<MapKey, List<ValueAggregate>> e : byKey.entrySet()) {
            m.put(e.getKey().text(), new CanonStream(e.getValue(), tetraplet).asJson());
        }
        return new JsonObject(m);
    }
}
