package dev.aurum.contracts;

/** The chain or its RPC endpoint failed (transport error, rejected transaction, receipt timeout). */
public class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
