package dev.aurum.verifier.attacks;

import dev.aurum.verifier.Check;

/**
 * A forged trace and the verdict it must get.
 *
 * @param name          short kebab-case name
 * @param description   what the forger did
 * @param trace         the forged, encoded trace
 * @param expectedCheck the check that must reject it
 * @param expectedHop   the hop it must be rejected at (-1: the trace as a whole or its header)
 */
public record Attack(String name, String description, byte[] trace, Check expectedCheck, int expectedHop) {

    public Attack {
        trace = trace.clone();
    }

    @Override
    public byte[] trace() {
        return trace.clone();
    }
}
