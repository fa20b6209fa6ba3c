package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;

import java.util.List;

/**
 * A call a peer makes to one of its services on AquaVM's request.
 *
 * @param particleId  the particle being executed
 * @param initPeerId  the particle's init peer
 * @param peerId      the peer making the call (the service's host)
 * @param callId      AquaVM's id of the request within this particle
 * @param serviceId   service name from the AIR call triplet
 * @param function    function name from the AIR call triplet
 * @param arguments   resolved argument values
 * @param tetraplets  per argument, where its value came from
 */
public record ServiceCall(String particleId, String initPeerId, String peerId, long callId, String serviceId,
                          String function, List<JsonValue> arguments, List<List<SecurityTetraplet>> tetraplets) {

    public ServiceCall {
        arguments = List.copyOf(arguments);
        tetraplets = List.copyOf(tetraplets);
    }
}
