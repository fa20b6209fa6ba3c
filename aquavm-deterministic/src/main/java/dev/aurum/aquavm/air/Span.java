package dev.aurum.aquavm.air;

/**
 * A half-open range {@code [left, right)} of UTF-8 byte offsets into the AIR script, as AquaVM's
 * {@code AirPos}. Instructions span from their {@code (} to just after their {@code )}; variables span
 * their word.
 */
public record Span(int left, int right) {

    public Span {
        if (left < 0 || right < left) {
            throw new IllegalArgumentException("bad span [" + left + ", " + right + ")");
        }
    }

    /**
     * AquaVM's {@code Span::contains_span}: both ends of {@code other} lie strictly inside this span.
     * A fold "contains" an instruction nested in it, never itself.
     */
    public boolean strictlyContains(Span other) {
        return left < other.left && other.left < right && left < other.right && other.right < right;
    }

    /**
     * AquaVM orders spans by their left end only ({@code impl Ord for Span}); "defined before use"
     * means {@code definition.left < use.left}.
     */
    public boolean startsBefore(Span other) {
        return left < other.left;
    }
}
