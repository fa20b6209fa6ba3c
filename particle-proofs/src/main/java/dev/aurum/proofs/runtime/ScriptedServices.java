package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonFloat;
import dev.aurum.aquavm.json.JsonNull;
import dev.aurum.aquavm.json.JsonNumber;
import dev.aurum.aquavm.json.JsonValue;

import java.util.List;

/**
 * Small deterministic service behaviours for scenarios and tests. Each is a pure function of the
 * call (or, for {@link #sequence}, of how many calls came before), so a recorded scenario replays.
 */
public final class ScriptedServices {

    private ScriptedServices() {
    }

    /** Always returns {@code value}. */
    public static Service constant(JsonValue value) {
        return call -> ServiceResult.ok(value);
    }

    /** Always fails with ret code {@code retCode} and {@code message}. */
    public static Service failing(int retCode, String message) {
        return call -> ServiceResult.error(retCode, message);
    }

    /** Returns its first argument, or null without arguments. */
    public static Service echo() {
        return call -> ServiceResult.ok(call.arguments().isEmpty() ? JsonNull.INSTANCE : call.arguments().get(0));
    }

    /** Returns the arguments as one array. */
    public static Service collect() {
        return call -> ServiceResult.ok(new JsonArray(call.arguments()));
    }

    /**
     * The arithmetic mean (a JSON float) of the numeric arguments, looking one level into array
     * arguments; fails with ret code 1 if there is no number or a non-number.
     */
    public static Service average() {
        return call -> {
            double sum = 0;
            int n = 0;
            for (JsonValue arg : call.arguments()) {
                List<JsonValue> items = arg instanceof JsonArray a ? a.elements() : List.of(arg);
                for (JsonValue v : items) {
                    if (!(v instanceof JsonNumber num)) {
                        return ServiceResult.error(1, "average: not a number: " + v);
                    }
                    sum += num.doubleValue();
                    n++;
                }
            }
            if (n == 0) {
                return ServiceResult.error(1, "average: no numbers");
            }
            return ServiceResult.ok(new JsonFloat(sum / n));
        };
    }

    /** Returns {@code values[k mod n]} on its k-th call (0-based). */
    public static Service sequence(List<JsonValue> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one value");
        }
        List<JsonValue> copy = List.copyOf(values);
        int[] calls = {0};
        return call -> ServiceResult.ok(copy.get(calls[0]++ % copy.size()));
    }
}
