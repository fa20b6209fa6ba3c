package dev.aurum.benchmarks;

import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.cli.devnet.Workload;
import dev.aurum.contracts.BatchResult;
import dev.aurum.contracts.DeployParams;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenChain;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.LocalChainControl;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.SignedTrace;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The devnet's throughput on the Java engine, as JMH sees it.
 *
 * <ul>
 *   <li>{@code particlesMiningOff}: a peer network processes the devnet workload (8 peers, the built-in AIR
 *       scenarios cast by seed 1), one particle per invocation: engine invokes, services, Ed25519-signed hops.
 *       The {@code hops} counter is hops per second.</li>
 *   <li>{@code particlesReceiptsOnly}: the same plus the ticket signature and every hop's secp256k1 receipt,
 *       which the protocol asks of every peer: the difference to {@code particlesMiningOn} is the miner's own
 *       work.</li>
 *   <li>{@code particlesMiningOn}: the same, plus what mining adds: the client's ticket signature, every
 *       hop's secp256k1 receipt, the golden test of every evaluable hop and the CBOR bundle of each golden
 *       one. {@code hops} again counts hops per second; {@code golden} counts bundles per second.</li>
 *   <li>{@code submitClaims}: golden claims per second through {@code submitClaims} on an embedded anvil,
 *       in batches of {@value #BATCH} (the devnet's batch size), every one checked accepted. The claims are
 *       mined from recorded workload traces before each invocation, outside the measured time.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MiningThroughputBenchmark {

    static final int PEERS = 8;
    static final int PARTICLES = 32;
    static final int BATCH = 32;
    static final BigInteger FACE_VALUE = BigInteger.TEN.pow(16);

    static List<String> peerNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= PEERS; i++) {
            names.add("peer-" + i);
        }
        return names;
    }

    /** Hops (and golden bundles) processed, reported by JMH as rates beside the particles/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long hops;
        public long golden;

        @Setup(Level.Iteration)
        public void reset() {
            hops = 0;
            golden = 0;
        }
    }

    /** The workload and a mining peer set off-chain (fixed domain, seed and a 1/16 target). */
    @State(Scope.Benchmark)
    public static class Network {
        final JavaAquaVm engine = new JavaAquaVm();
        List<Scenario> particles;
        Miner miner;
        Map<String, Long> indexes;
        Map<String, ReceiptKey> keys;
        Eip712Domain domain;
        ReceiptKey client;
        int next;

        @Setup
        public void setUp() {
            particles = new ArrayList<>();
            for (Workload.PlannedParticle p : Workload.plan(PARTICLES, peerNames(), 1)) {
                particles.add(p.runnable());
            }
            domain = Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
            miner = new Miner(new MiningContext(domain, 0, Keccak.keccak256Utf8("bench seed"), Target.oneIn(16)));
            indexes = new TreeMap<>();
            keys = new TreeMap<>();
            for (String name : peerNames()) {
                String peerId = PeerIdentity.forName(name).peerId().toString();
                indexes.put(peerId, (long) indexes.size() + 1);
                keys.put(peerId, ReceiptKey.deriveForTesting("bench/" + name));
            }
            client = ReceiptKey.deriveForTesting("bench/client");
        }

        Scenario nextParticle() {
            Scenario s = particles.get(next);
            next = (next + 1) % particles.size();
            return s;
        }
    }

    @Benchmark
    public SignedTrace particlesMiningOff(Network net, Counters counters) {
        SignedTrace trace = net.nextParticle().run(net.engine).trace();
        counters.hops += trace.hops().size();
        return trace;
    }

    @Benchmark
    public List<SignedReceipt> particlesReceiptsOnly(Network net, Counters counters) {
        SignedTrace trace = net.nextParticle().run(net.engine).trace();
        ParticleTicket ticket = net.miner.ticket(trace, net.client.address(), FACE_VALUE, net.next);
        net.client.sign(net.domain.digest(ticket.hash()));
        counters.hops += trace.hops().size();
        return Miner.receipts(ticket.hash(), trace, net.indexes,
                (peer, r) -> SignedReceipt.sign(net.domain, r, net.keys.get(peer)));
    }

    @Benchmark
    public int particlesMiningOn(Network net, Counters counters) {
        SignedTrace trace = net.nextParticle().run(net.engine).trace();
        List<ProofBundle> bundles = net.miner.mineParticle(trace, net.client, FACE_VALUE, net.next, net.indexes,
                (peer, r) -> SignedReceipt.sign(net.domain, r, net.keys.get(peer)));
        int bytes = 0;
        for (ProofBundle b : bundles) {
            bytes += ProofBundleCodec.encode(b).length;
        }
        counters.hops += trace.hops().size();
        counters.golden += bundles.size();
        return bytes;
    }

    /** An embedded anvil with a registry, 8 registered peers and a funded client; claims mined ahead of time. */
    @State(Scope.Benchmark)
    public static class Chain {
        GoldenChain chain;
        GoldenClient submitter;
        Miner miner;
        Map<String, Long> indexes;
        Map<String, ReceiptKey> keys;
        ReceiptKey client;
        List<SignedTrace> traces;
        List<GoldenClaim> batch;
        long nonce;

        @Setup
        public void setUp() throws IOException {
            chain = GoldenChain.embedded(new DeployParams(86_400, 2, 60, BigInteger.TEN.pow(16), BigInteger.TEN.pow(14),
                    Target.oneIn(16), 100));
            GoldenClient owner = chain.owner();
            LocalChainControl control = chain.localControl().orElseThrow();
            BigInteger funds = BigInteger.TEN.pow(24);
            indexes = new TreeMap<>();
            keys = new TreeMap<>();
            for (String name : peerNames()) {
                PeerIdentity id = PeerIdentity.forName(name);
                ReceiptKey key = ReceiptKey.deriveForTesting("bench/chain/" + name);
                control.setBalance(key.address(), funds);
                var registered = owner.as(key).registerPeer(id.keys(), key,
                        ReceiptKey.deriveForTesting("bench/chain/payee/" + name).address(), BigInteger.TEN.pow(16));
                indexes.put(id.peerId().toString(), registered.peer().value());
                keys.put(id.peerId().toString(), key);
            }
            client = ReceiptKey.deriveForTesting("bench/chain/client");
            control.setBalance(client.address(), funds);
            owner.as(client).deposit(BigInteger.TEN.pow(23));
            ReceiptKey first = keys.values().iterator().next();
            submitter = owner.as(first);
            EpochInfo info = owner.epoch(owner.currentEpoch());
            miner = new Miner(new MiningContext(owner.domain(), info.epoch(), info.seed().orElseThrow(),
                    new Target(info.target())));
            JavaAquaVm engine = new JavaAquaVm();
            traces = new ArrayList<>();
            for (Workload.PlannedParticle p : Workload.plan(PARTICLES, peerNames(), 1)) {
                traces.add(p.runnable().run(engine).trace());
            }
        }

        /** {@value #BATCH} fresh golden claims: new ticket nonces over the recorded traces until enough hops win. */
        @Setup(Level.Invocation)
        public void mineBatch() {
            batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH) {
                SignedTrace trace = traces.get((int) (nonce % traces.size()));
                for (ProofBundle b : miner.mineParticle(trace, client, FACE_VALUE, nonce, indexes,
                        (peer, r) -> SignedReceipt.sign(submitter.domain(), r, keys.get(peer)))) {
                    if (batch.size() < BATCH) {
                        batch.add(b.claim());
                    }
                }
                nonce++;
            }
        }

        @TearDown
        public void tearDown() {
            chain.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int submitClaims(Chain c) {
        GoldenClient.BatchReceipt receipt = c.submitter.submitClaims(c.batch);
        for (BatchResult r : receipt.results()) {
            if (r instanceof BatchResult.Skipped no) {
                throw new IllegalStateException("a mined claim was skipped: " + no.reason().getMessage());
            }
        }
        return receipt.results().size();
    }
}
