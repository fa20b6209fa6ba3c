package dev.aurum.contracts;

import dev.aurum.proofs.protocol.ReceiptKey;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A chain with a freshly deployed registry: either an embedded anvil (the default for local runs and tests)
 * or any RPC URL. Closing it closes the owner's client and stops the embedded node, if any.
 */
public final class GoldenChain implements AutoCloseable {
    private final Optional<AnvilNode> node;
    private final String rpcUrl;
    private final GoldenClient owner;

    private GoldenChain(Optional<AnvilNode> node, String rpcUrl, GoldenClient owner) {
        this.node = node;
        this.rpcUrl = rpcUrl;
        this.owner = owner;
    }

    /** Starts anvil on 127.0.0.1 (random port) and deploys the registry from anvil's dev account #0. */
    public static GoldenChain embedded(DeployParams params) throws IOException {
        return embedded(params, List.of());
    }

    /**
     * As {@link #embedded(DeployParams)}, with extra anvil arguments; e.g. {@code --timestamp T} fixes the
     * genesis block, and with it the registry's epoch-0 seed, so a run is reproducible.
     */
    public static GoldenChain embedded(DeployParams params, List<String> anvilArgs) throws IOException {
        AnvilNode anvil = AnvilNode.start(anvilArgs);
        try {
            ReceiptKey deployer = ReceiptKey.fromSecret(Bytes32.fromHexString(AnvilNode.DEV_KEY_0));
            return new GoldenChain(Optional.of(anvil), anvil.rpcUrl(),
                    GoldenClient.deploy(anvil.rpcUrl(), deployer, params));
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    /**
     * An embedded anvil whose clock ignores the wall clock: genesis at {@code genesisTimeSeconds}, then one
     * second per block (set before the registry is deployed). Every block hash, and so every epoch seed, is
     * the same on every run with the same transactions; move time with {@link LocalChainControl#mineBlockAt}.
     */
    public static GoldenChain embeddedReproducible(DeployParams params, long genesisTimeSeconds) throws IOException {
        AnvilNode anvil = AnvilNode.start(List.of("--timestamp", Long.toString(genesisTimeSeconds)));
        try {
            new LocalChainControl(anvil.rpcUrl()).setBlockTimestampInterval(1);
            ReceiptKey deployer = ReceiptKey.fromSecret(Bytes32.fromHexString(AnvilNode.DEV_KEY_0));
            return new GoldenChain(Optional.of(anvil), anvil.rpcUrl(),
                    GoldenClient.deploy(anvil.rpcUrl(), deployer, params));
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    /** Deploys the registry on an existing chain; {@code deployer} becomes its owner and pays for it. */
    public static GoldenChain external(String rpcUrl, ReceiptKey deployer, DeployParams params) {
        return new GoldenChain(Optional.empty(), rpcUrl, GoldenClient.deploy(rpcUrl, deployer, params));
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    /** The owner's client (verifier set, quorum, module hash); use {@link GoldenClient#as} for other actors. */
    public GoldenClient owner() {
        return owner;
    }

    /** anvil's test controls; only for the embedded node. */
    public Optional<LocalChainControl> localControl() {
        return node.map(n -> new LocalChainControl(n.rpcUrl()));
    }

    @Override
    public void close() {
        owner.close();
        node.ifPresent(AnvilNode::close);
    }
}
