package dev.aurum.verifier;

import java.util.Objects;

/**
 * The first thing found wrong with a trace.
 *
 * @param hop         hop index, or -1 for the particle header / the trace as a whole
 * @param peer        the hop's peer (empty if none)
 * @param round       invoke round within the hop, or -1
 * @param check       the check that failed
 * @param instruction the AIR instruction or service call concerned (empty if none)
 * @param reason      what exactly is wrong
 */
public record Failure(int hop, String peer, int round, Check check, String instruction, String reason) {

    public Failure {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for humans. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(hop < 0 ? "trace" : "hop " + hop);
        if (round >= 0) {
            sb.append(" round ").append(round);
        }
        sb.append(": ").append(check.name()).append(": ").append(reason);
        if (!instruction.isEmpty()) {
            sb.append(" [at ").append(instruction).append(']');
        }
        return sb.toString();
    }
}
