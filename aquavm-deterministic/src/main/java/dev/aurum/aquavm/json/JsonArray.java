package dev.aurum.aquavm.json;

import java.util.List;

/** A JSON array; the element list is an immutable copy. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        elements = List.copyOf(elements);
    }

    public int size() {
        return elements.size();
    }

    public JsonValue get(int index) {
        return elements.get(index);
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    @Override
    public String toString() {
        return JsonWriter.toCompactString(this);
    }
}
