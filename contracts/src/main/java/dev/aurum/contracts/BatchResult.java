package dev.aurum.contracts;

/** The fate of one claim in a batch submission. */
public sealed interface BatchResult {
    int index();

    record Accepted(int index, ClaimSubmission submission) implements BatchResult {}

    record Skipped(int index, GoldenContractException reason) implements BatchResult {}
}
