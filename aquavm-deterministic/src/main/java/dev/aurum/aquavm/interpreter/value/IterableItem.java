package dev.aurum.aquavm.interpreter.value;

import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;

/**
 * The current value of a fold iterator. Unlike a {@link ValueAggregate} its tetraplet is kept whole
 * (e.g. an array element gets the array's tetraplet with {@code .$.[i]} appended); it is reduced by
 * provenance only when the item is stored somewhere ({@link #toAggregate}).
 */
public record IterableItem(JsonValue value, SecurityTetraplet tetraplet, long tracePos, Provenance provenance) {

    public ValueAggregate toAggregate() {
        return ValueAggregate.of(value, tetraplet, tracePos, provenance);
    }

    public static IterableItem of(ValueAggregate v) {
        return new IterableItem(v.result(), v.tetraplet(), v.tracePos(), v.provenance());
    }
}
