package dev.aurum.verifier;

/** Why a proof bundle is refused: a check name, the 1-based hop it concerns (0 = the whole bundle) and detail. */
public record BundleProblem(String check, int hop, String detail) {
    @Override
    public String toString() {
        return check + (hop > 0 ? " at hop " + hop : "") + ": " + detail;
    }
}
