package dev.aurum.aquavm.json;

import java.util.Objects;

/** A JSON string. It must be valid Unicode (no lone surrogates), since it is written as UTF-8. */
public record JsonString(String value) implements JsonValue {

    public JsonString {
        Objects.requireNonNull(value, "value");
        int bad = Utf8.firstLoneSurrogate(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("lone surrogate at index " + bad + " in JSON string");
        }
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    @Override
    public String toString() {
        return JsonWriter.toCompactString(this);
    }
}
