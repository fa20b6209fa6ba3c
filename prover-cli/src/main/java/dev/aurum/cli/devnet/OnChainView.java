package dev.aurum.cli.devnet;

import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.PeerIndex;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.verifier.committee.ChainView;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** The committee's view of the chain, read through the contracts client (view calls, no caching). */
public final class OnChainView implements ChainView {
    private final GoldenClient client;

    public OnChainView(GoldenClient client) {
        this.client = client;
    }

    @Override
    public Eip712Domain domain() {
        return client.domain();
    }

    @Override
    public Optional<Bytes32> epochSeed(long epoch) {
        return client.epoch(epoch).seed();
    }

    @Override
    public Target target(long epoch) {
        EpochInfo info = client.epoch(epoch);
        // an epoch without a target yet (0) gets target 1, which no real ticket names: WrongTarget
        return new Target(info.target().signum() == 0 ? java.math.BigInteger.ONE : info.target());
    }

    @Override
    public Optional<Long> peerIndexOf(PublicKey peerKey) {
        return client.peerOfKey(Bytes32.wrap(peerKey.toRawBytes())).map(PeerIndex::value);
    }

    @Override
    public Optional<RegisteredPeer> peer(long index) {
        return client.peerInfo(new PeerIndex(index)).map(p -> new RegisteredPeer(p.receiptKey(), p.slashed()));
    }
}
