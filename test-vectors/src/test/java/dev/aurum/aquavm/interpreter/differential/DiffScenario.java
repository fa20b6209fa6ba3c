package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.RunParameters;
import java.util.List;
import java.util.SortedSet;

/**
 * One differential scenario: a particle started by {@code init} on a network of named peers, run hop by
 * hop until no peer has work left. Parsed from one line of a corpus file by {@link DiffScenarioFile}.
 *
 * @param source       {@code file:line}, for failure messages
 * @param limits       the size limits every peer runs with
 * @param tamper       a change to the data of one delivered particle, or {@code null}
 * @param exactMessage compare error messages exactly (otherwise only the text before the first colon)
 * @param expectCodes  ret_codes the reference run must show (guards that the scenario still reaches them)
 * @param referenceTraps the reference is expected to trap; our engine must return a typed error instead
 */
record DiffScenario(String source, String name, String air, List<String> peers, String init, int maxSteps,
                    Limits limits, Tamper tamper, boolean exactMessage, SortedSet<Long> expectCodes,
                    boolean referenceTraps) {

    static final List<String> DEFAULT_PEERS = List.of("alice", "bob", "carol", "dave");

    DiffScenario {
        peers = List.copyOf(peers);
    }

    /** The three AquaVM size limits and the hard/soft mode, as every peer's RunParameters carry them. */
    record Limits(long air, long particle, long callResult, boolean hard) {
        static final Limits DEFAULT = new Limits(RunParameters.DEFAULT_AIR_SIZE_LIMIT,
                RunParameters.DEFAULT_PARTICLE_SIZE_LIMIT, RunParameters.DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
    }

    /** Replace the data of the {@code delivery}-th delivered particle (0-based, non-empty data only). */
    record Tamper(int delivery, DataTamper.Kind kind) {
    }

    @Override
    public String toString() {
        return name;
    }
}
