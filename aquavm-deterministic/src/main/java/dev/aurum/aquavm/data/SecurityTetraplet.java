package dev.aurum.aquavm.data;

import java.util.Objects;

/**
 * Where a value came from: the peer, service and function that produced it and the lens applied to
 * it. Field order is part of every tetraplet CID ({@code peer_pk, service_id, function_name, lens}).
 */
public record SecurityTetraplet(String peerPk, String serviceId, String functionName, String lens) {

    public SecurityTetraplet {
        Objects.requireNonNull(peerPk, "peerPk");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(lens, "lens");
    }

    /** The tetraplet of a literal or special value: the init peer, no service, no function, no lens. */
    public static SecurityTetraplet literal(String initPeerId) {
        return new SecurityTetraplet(initPeerId, "", "", "");
    }

    /** This tetraplet with {@code lensSuffix} appended to its lens. */
    public SecurityTetraplet withLensAppended(String lensSuffix) {
        return new SecurityTetraplet(peerPk, serviceId, functionName, lens + lensSuffix);
    }
}
