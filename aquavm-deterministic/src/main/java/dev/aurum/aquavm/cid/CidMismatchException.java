package dev.aurum.aquavm.cid;

/** Stored content does not hash to the CID it is stored under (AquaVM's {@code ValueMismatch}). */
public final class CidMismatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String expectedCid;
    private final String actualCid;

    public CidMismatchException(String expectedCid, String actualCid) {
        super("content hashes to " + actualCid + ", not to its CID " + expectedCid);
        this.expectedCid = expectedCid;
        this.actualCid = actualCid;
    }

    public String expectedCid() {
        return expectedCid;
    }

    public String actualCid() {
        return actualCid;
    }
}
