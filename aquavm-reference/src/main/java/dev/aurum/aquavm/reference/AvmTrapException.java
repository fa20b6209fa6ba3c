package dev.aurum.aquavm.reference;

/**
 * avm.wasm trapped (e.g. a Rust panic, which the module turns into {@code unreachable}) instead of
 * returning an outcome. This is an engine failure, not an AquaVM error code: AquaVM reports bad
 * input through {@code ret_code}. Carries what the module printed to stdout/stderr before trapping.
 */
public final class AvmTrapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String moduleOutput;

    AvmTrapException(String export, String moduleOutput, Throwable cause) {
        super("avm.wasm trapped in " + export + ": " + cause.getMessage()
                + (moduleOutput.isEmpty() ? "" : "; module output: " + moduleOutput), cause);
        this.moduleOutput = moduleOutput;
    }

    /** What the module wrote to stdout/stderr before the trap (truncated). */
    public String moduleOutput() {
        return moduleOutput;
    }
}
