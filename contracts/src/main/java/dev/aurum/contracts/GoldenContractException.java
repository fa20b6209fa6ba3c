package dev.aurum.contracts;

import java.util.List;

/**
 * The contract rejected a call with a custom error; subclasses in {@link GoldenErrors} name each error.
 * Thrown before any transaction is sent (the client simulates every call first), so a rejected call costs
 * no gas.
 */
public class GoldenContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorSignature;
    private final String revertData;
    private final transient List<Object> args;

    protected GoldenContractException(String errorSignature, String revertData, List<Object> args) {
        super(errorSignature + (args.isEmpty() ? "" : " " + render(args)) + " [" + revertData + "]");
        this.errorSignature = errorSignature;
        this.revertData = revertData;
        this.args = List.copyOf(args);
    }

    private static String render(List<Object> args) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(a instanceof byte[] b ? "0x" + dev.aurum.proofs.protocol.Hex.encode(b) : String.valueOf(a));
        }
        return sb.append(')').toString();
    }

    /** The Solidity error signature, e.g. {@code AlreadyClaimed(bytes32)}. */
    public String errorSignature() {
        return errorSignature;
    }

    /** The error name, e.g. {@code AlreadyClaimed}. */
    public String errorName() {
        int paren = errorSignature.indexOf('(');
        return paren < 0 ? errorSignature : errorSignature.substring(0, paren);
    }

    public String revertData() {
        return revertData;
    }

    public List<Object> args() {
        return args;
    }
}
