package dev.aurum.contracts;

import java.math.BigInteger;

/** A client's escrow: balance and the unlock time of a requested withdrawal (0 if none). */
public record EscrowState(BigInteger balance, long unlockAt) {}
