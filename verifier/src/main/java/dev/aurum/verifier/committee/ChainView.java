package dev.aurum.verifier.committee;

import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.Target;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The on-chain facts a bundle relies on, as the registry reports them. The committee node implements it
 * with the contracts client; tests implement it with maps.
 */
public interface ChainView {

    /** A registered peer: its receipt key and whether it was slashed. */
    record RegisteredPeer(EvmAddress receiptKey, boolean slashed) {}

    Eip712Domain domain();

    /** The seed of an epoch, empty until the epoch is seeded. */
    Optional<Bytes32> epochSeed(long epoch);

    /** The golden target of an epoch. */
    Target target(long epoch);

    /** The registry index of the peer whose AquaVM (Ed25519) key this is, empty if not registered. */
    Optional<Long> peerIndexOf(PublicKey peerKey);

    /** A registered peer by index, empty if there is none. */
    Optional<RegisteredPeer> peer(long index);
}
