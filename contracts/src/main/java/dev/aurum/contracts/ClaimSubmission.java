package dev.aurum.contracts;

import dev.aurum.proofs.protocol.ClaimId;
import org.apache.tuweni.bytes.Bytes32;

/** A claim the registry accepted (pending until a verifier quorum finalises it). */
public record ClaimSubmission(ClaimId claimId, Bytes32 ticketHash, int goldenHop, ClaimPayout payout) {}
