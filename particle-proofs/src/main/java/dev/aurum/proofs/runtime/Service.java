package dev.aurum.proofs.runtime;

/** A function a peer hosts, as {@code (service_id, function_name)} in AIR. Must be deterministic for replayable scenarios. */
@FunctionalInterface
public interface Service {

    ServiceResult call(ServiceCall call);
}
