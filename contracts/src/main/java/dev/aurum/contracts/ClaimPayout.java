package dev.aurum.contracts;

import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.RewardSplit;
import java.math.BigInteger;
import java.util.List;

/** What a claim pays (committed on-chain at submission, revealed at finalisation). */
public record ClaimPayout(
        EvmAddress client, BigInteger faceValue, long epoch, EvmAddress submitter, BigInteger refund,
        List<PeerIndex> peers) {
    public ClaimPayout {
        peers = List.copyOf(peers);
    }

    /** The amount each hop 1..k receives, by the protocol's split rule. */
    public List<BigInteger> hopShares() {
        return RewardSplit.split(faceValue, refund, peers.size()).hopShares();
    }
}
