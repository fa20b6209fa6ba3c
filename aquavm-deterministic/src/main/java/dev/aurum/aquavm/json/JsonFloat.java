package dev.aurum.aquavm.json;

/**
 * A finite float (serde_json {@code Float}). Equality is IEEE equality as in serde_json, so
 * {@code 0.0} equals {@code -0.0} (they are still written differently: {@code 0.0} and {@code -0.0}).
 */
public record JsonFloat(double value) implements JsonNumber {

    public JsonFloat {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite: " + value);
        }
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonFloat f && f.value == value;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value == 0.0 ? 0.0 : value);
    }

    @Override
    public String toString() {
        return JsonWriter.toCompactString(this);
    }
}
