package dev.aurum.aquavm.interpreter.value;

import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** A canonicalized stream: a fixed list of values and the tetraplet {@code (canon peer, "", "", "")}. */
public record CanonStream(List<ValueAggregate> values, SecurityTetraplet tetraplet) {

    public CanonStream {
        values = List.copyOf(values);
    }

    public JsonValue asJson() {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (ValueAggregate v : values) {
            out.add(v.result());
        }
        return new JsonArray(out);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }
}
