package dev.aurum.verifier;

/**
 * A service call a peer performed, as proven by the trace: requested by the engine in one round,
 * answered in the next.
 *
 * @param hop       hop index
 * @param peer      the peer that performed the call
 * @param callId    AquaVM call id
 * @param service   service id
 * @param function  function name
 * @param arguments the arguments as compact JSON
 * @param retCode   the service's ret code
 * @param result    the result JSON text
 */
public record CallSummary(int hop, String peer, long callId, String service, String function, String arguments,
                          int retCode, String result) {
}
