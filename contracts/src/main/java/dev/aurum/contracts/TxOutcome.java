package dev.aurum.contracts;

/** A mined, successful transaction. */
public record TxOutcome(String txHash, long blockNumber, long gasUsed) {}
