package dev.aurum.contracts;

/** A claim's on-chain status and its verdict counts. */
public record ClaimState(Status status, int approvals, int rejections) {
    public enum Status { NONE, PENDING, FINALIZED, VOIDED }
}
