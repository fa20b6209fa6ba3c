package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.proofs.particle.Particle;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.particle.ParticleSigning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A runnable scenario: named peers with deterministic keys and scripted services, an AIR script
 * whose {@code @name} placeholders were replaced by those peers' PeerIds, the particle's fixed
 * id/timestamp/ttl, and the network bounds. Parsed from JSON by {@link ScenarioParser}.
 */
public record Scenario(String name, String description, String initPeer, String particleId, long timestamp,
                       long ttl, String script, List<PeerSpec> peers, NetworkSettings network) {

    /** One peer: its name (the seed of its key) and, by {@code service.function}, how to make each service. */
    public record PeerSpec(String name, Map<String, Supplier<Service>> services) {
        public PeerSpec {
            services = Map.copyOf(services);
        }
    }

    /** Network bounds; see {@link Network}. */
    public record NetworkSettings(long latencyMs, int queueCapacity, int maxHops, int maxRounds) {
        public static final NetworkSettings DEFAULT = new NetworkSettings(10, 1_024, 1_000, 16);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        peers = List.copyOf(peers);
    }

    /** Every peer's identity by scenario name, in scenario order. */
    public Map<String, PeerIdentity> identities() {
        Map<String, PeerIdentity> out = new LinkedHashMap<>();
        for (PeerSpec p : peers) {
            out.put(p.name(), PeerIdentity.forName(p.name()));
        }
        return out;
    }

    /** The particle, signed by the init peer, with empty data. */
    public Particle particle() {
        ParticleHeader header = ParticleSigning.sign(PeerIdentity.forName(initPeer).keys(), particleId, timestamp, ttl,
                script);
        return new Particle(header, new byte[0]);
    }

    /** Builds fresh peers (empty prev-data stores, fresh service state) on {@code engine} and runs the particle. */
    public NetworkRun run(AquaVm engine) {
        Network.Builder b = Network.builder().latencyMs(network.latencyMs()).queueCapacity(network.queueCapacity())
                .maxHops(network.maxHops());
        for (PeerSpec p : peers) {
            Services.Builder services = Services.builder();
            for (Map.Entry<String, Supplier<Service>> s : new TreeMap<>(p.services()).entrySet()) {
                int dot = s.getKey().indexOf('.');
                services.add(s.getKey().substring(0, dot), s.getKey().substring(dot + 1), s.getValue().get());
            }
            b.peer(new Peer(PeerIdentity.forName(p.name()), services.build(), engine, network.maxRounds()));
        }
        return b.build().run(particle());
    }
}
