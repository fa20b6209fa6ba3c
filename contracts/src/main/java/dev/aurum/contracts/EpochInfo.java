package dev.aurum.contracts;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** An epoch's seed (empty until seeded), its target (zero if not yet set) and the claims counted for it. */
public record EpochInfo(long epoch, Optional<Bytes32> seed, BigInteger target, long claimCount) {}
