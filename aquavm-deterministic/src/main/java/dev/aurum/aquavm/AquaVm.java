package dev.aurum.aquavm;

/**
 * An AquaVM engine: the pure state machine
 * {@code (air, prev_data, current_data, params, call_results) -> outcome}.
 *
 * <p>Two implementations exist: the deterministic Java interpreter in this module and the real
 * {@code avm.wasm} hosted in Chicory ({@code aquavm-reference}). Both take and return the exact
 * byte formats of AquaVM 0.62 (data format 0.17.2): {@code prevData}/{@code currentData} are msgpack
 * envelopes (empty = no data) and {@code callResults} is the multiformat-msgpack map of call results
 * ({@code 81 04 80} = none).
 */
public interface AquaVm {

    /** Runs one interpreter step. Never throws for bad input: errors are reported in the outcome. */
    InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData,
                              RunParameters params, byte[] callResults);

    /** A short name for reports, e.g. {@code java} or {@code reference}. */
    String name();
}
