package dev.aurum.proofs.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The services one peer hosts, keyed {@code service_id.function_name}; unknown calls fail like nox does. */
public final class Services {

    /** nox's ret code for a call to a service the peer does not host. */
    public static final int SERVICE_NOT_FOUND = 1;

    private final TreeMap<String, Service> byName;

    private Services(TreeMap<String, Service> byName) {
        this.byName = byName;
    }

    public static Services none() {
        return new Services(new TreeMap<>());
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServiceResult call(ServiceCall call) {
        Service s = byName.get(key(call.serviceId(), call.function()));
        if (s == null) {
            return ServiceResult.error(SERVICE_NOT_FOUND,
                    "service not found: " + call.serviceId() + "." + call.function() + " on " + call.peerId());
        }
        return Objects.requireNonNull(s.call(call), "a service returned null");
    }

    /** Names of the hosted functions, sorted. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    private static String key(String serviceId, String function) {
        return serviceId + "." + function;
    }

    public static final class Builder {
        private final TreeMap<String, Service> byName = new TreeMap<>();

        public Builder add(String serviceId, String function, Service service) {
            byName.put(key(serviceId, function), Objects.requireNonNull(service, "service"));
            return this;
        }

        public Builder addAll(Map<String, Service> functions) {
            byName.putAll(functions);
            return this;
        }

        public Services build() {
            return new Services(new TreeMap<>(byName));
        }
    }
}
