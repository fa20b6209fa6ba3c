package dev.aurum.contracts;

/** A registered peer's index in the registry (a non-zero uint32, assigned at registration). */
public record PeerIndex(long value) {
    public PeerIndex {
        if (value < 1 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("peer index must be a non-zero uint32: " + value);
        }
    }
}
