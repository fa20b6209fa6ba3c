package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One service call AquaVM asks the host to make: the service and function, the resolved argument
 * values and, per argument, the tetraplets saying where each came from.
 */
public record CallRequestParams(String serviceId, String functionName, List<JsonValue> arguments,
        List<List<SecurityTetraplet>> tetraplets) {

    public CallRequestParams {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(functionName, "functionName");
        arguments = List.copyOf(arguments);
        List<List<SecurityTetraplet>> copy = new ArrayList<>(tetraplets.size());
        for (List<SecurityTetraplet> perArgument : tetraplets) {
            copy.add(List.copyOf(perArgument));
        }
        tetraplets = List.copyOf(copy);
    }
}
