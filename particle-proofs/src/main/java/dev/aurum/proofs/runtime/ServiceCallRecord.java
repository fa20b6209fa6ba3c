package dev.aurum.proofs.runtime;

/** A service call a peer made and what the service returned. */
public record ServiceCallRecord(ServiceCall call, ServiceResult result) {
}
