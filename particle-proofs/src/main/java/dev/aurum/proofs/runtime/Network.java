package dev.aurum.proofs.runtime;

import dev.aurum.proofs.particle.Particle;
import dev.aurum.proofs.trace.BlobStore;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An in-process network that delivers a particle between peers hop by hop and records its signed
 * trace. Deliveries go through one FIFO queue of bounded capacity; every delivery takes
 * {@code latencyMs} of network time, which starts at the particle's timestamp (no wall clock), and a
 * particle arriving after {@code timestamp + ttl} is dropped. The network also acts as the trace
 * collector: it gives each hop its place in the hop chain and has the executing peer sign it.
 */
public final class Network {

    private final LinkedHashMap<String, Peer> peers;
    private final long latencyMs;
    private final int queueCapacity;
    private final int maxHops;

    private Network(LinkedHashMap<String, Peer> peers, long latencyMs, int queueCapacity, int maxHops) {
        this.peers = peers;
        this.latencyMs = latencyMs;
        this.queueCapacity = queueCapacity;
        this.maxHops = maxHops;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Peer peer(String peerId) {
        return peers.get(peerId);
    }

    private record Delivery(int fromHop, String to, byte[] data, long time) {
    }

    /** Runs a particle until no deliveries remain; the init peer executes it first. */
    public NetworkRun run(Particle particle) {
        String init = particle.header().initPeerId();
        if (!peers.containsKey(init)) {
            throw new IllegalArgumentException("the init peer " + init + " is not part of the network");
        }
        ArrayDeque<Delivery> queue = new ArrayDeque<>();
        queue.add(new Delivery(-1, init, particle.data(), particle.header().timestamp()));
        List<Hop> hops = new ArrayList<>();
        List<List<ServiceCallRecord>> calls = new ArrayList<>();
        List<NetworkEvent> events = new ArrayList<>();
        BlobStore.Builder blobs = BlobStore.builder();
        ContentHash link = HopChain.headerHash(particle.header());

        while (!queue.isEmpty()) {
            Delivery d = queue.poll();
            if (particle.header().isExpiredAt(d.time)) {
                events.add(new NetworkEvent(NetworkEvent.Kind.EXPIRED, d.fromHop, d.to, d.time,
                        "arrived at " + d.time + ", after the deadline " + particle.header().deadline()));
                continue;
            }
            Peer peer = peers.get(d.to);
            if (peer == null) {
                events.add(new NetworkEvent(NetworkEvent.Kind.UNKNOWN_PEER, d.fromHop, d.to, d.time, "no such peer"));
                continue;
            }
            if (hops.size() >= maxHops) {
                events.add(new NetworkEvent(NetworkEvent.Kind.HOP_LIMIT, d.fromHop, d.to, d.time,
                        "the run is bounded to " + maxHops + " hops"));
                continue;
            }
            HopExecution exec = peer.handle(particle.header(), d.data);
            if (exec.roundLimitReached()) {
                events.add(new NetworkEvent(NetworkEvent.Kind.ROUND_LIMIT, d.fromHop, d.to, d.time,
                        "stopped after " + exec.rounds().size() + " invoke rounds with calls pending"));
            }
            if (!exec.hostError().isEmpty()) {
                events.add(new NetworkEvent(NetworkEvent.Kind.HOST_ERROR, d.fromHop, d.to, d.time, exec.hostError()));
            }
            Hop hop = peer.sign(record(hops.size(), peer.peerId(), d, exec, link, blobs));
            hops.add(hop);
            link = HopChain.recordHash(hop);
            List<ServiceCallRecord> hopCalls = new ArrayList<>();
            for (ExecutedRound r : exec.rounds()) {
                hopCalls.addAll(r.serviceCalls());
            }
            calls.add(hopCalls);
            byte[] out = exec.finalData();
            for (String next : hop.nextPeers()) {
                if (queue.size() >= queueCapacity) {
                    events.add(new NetworkEvent(NetworkEvent.Kind.QUEUE_FULL, hop.index(), next, d.time,
                            "the delivery queue holds at most " + queueCapacity));
                    continue;
                }
                queue.add(new Delivery(hop.index(), next, out, d.time + latencyMs));
            }
        }
        SignedTrace trace = new SignedTrace(particle.header(), hops, blobs.build());
        return new NetworkRun(trace, events, calls);
    }

    private static Hop record(int index, String peerId, Delivery d, HopExecution exec, ContentHash link,
                              BlobStore.Builder blobs) {
        List<InvokeRound> rounds = new ArrayList<>();
        for (ExecutedRound r : exec.rounds()) {
            var o = r.outcome();
            int flags = (o.airSizeLimitExceeded() ? InvokeRound.AIR_SIZE_LIMIT_EXCEEDED : 0)
                    | (o.particleSizeLimitExceeded() ? InvokeRound.PARTICLE_SIZE_LIMIT_EXCEEDED : 0)
                    | (o.callResultSizeLimitExceeded() ? InvokeRound.CALL_RESULT_SIZE_LIMIT_EXCEEDED : 0);
            rounds.add(new InvokeRound(blobs.add(r.callResults()), o.retCode(), o.errorMessage(),
                    blobs.add(o.data()), blobs.add(o.callRequests()), List.copyOf(new TreeSet<>(o.nextPeerPks())), flags));
        }
        return new Hop(index, peerId, d.fromHop, d.time, blobs.add(d.data), blobs.add(exec.prev()), rounds, link, null);
    }

    public static final class Builder {
        private final LinkedHashMap<String, Peer> peers = new LinkedHashMap<>();
        private long latencyMs = 10;
        private int queueCapacity = 1_024;
        private int maxHops = 1_000;

        public Builder peer(Peer peer) {
            if (peers.put(peer.peerId(), peer) != null) {
                throw new IllegalArgumentException("duplicate peer " + peer.peerId());
            }
            return this;
        }

        public Builder latencyMs(long ms) {
            if (ms < 0) {
                throw new IllegalArgumentException("latency must be >= 0");
            }
            this.latencyMs = ms;
            return this;
        }

        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be >= 1");
            }
            this.queueCapacity = capacity;
            return this;
        }

        public Builder maxHops(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxHops must be >= 1");
            }
            this.maxHops = max;
            return this;
        }

        public Network build() {
            return new Network(new LinkedHashMap<>(peers), latencyMs, queueCapacity, maxHops);
        }

        Map<String, Peer> peers() {
            return peers;
        }
    }
}
