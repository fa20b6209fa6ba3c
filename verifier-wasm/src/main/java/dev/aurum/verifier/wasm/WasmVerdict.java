package dev.aurum.verifier.wasm;

import java.nio.charset.StandardCharsets;

/**
 * The outcome of one run of {@code aurum-verifier.wasm}.
 *
 * @param status   how the run ended
 * @param output   the module's stdout: for {@link Status#VERDICT} the canonical verdict bytes (the JVM
 *                 verifier's {@code CanonicalVerdict}); otherwise empty
 * @param gasUsed  executed wasm instructions of the module (the gas limit when out of gas)
 * @param gasLimit the limit the run had
 * @param detail   for anything but a verdict, why (module stderr, trap message); empty otherwise
 */
public record WasmVerdict(Status status, byte[] output, long gasUsed, long gasLimit, String detail) {

    public enum Status {
        /** The module wrote a verdict (the trace may be valid or not: read the verdict). */
        VERDICT,
        /** The gas limit was reached; no verdict. */
        OUT_OF_GAS,
        /** The module refused the request (exit status 2, e.g. an unknown argument). */
        BAD_REQUEST,
        /** Input over the host's limit, memory limit, trap or oversized output: no verdict. */
        FAILED
    }

    public WasmVerdict {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    public String outputText() {
        return new String(output, StandardCharsets.UTF_8);
    }
}
