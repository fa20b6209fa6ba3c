package dev.aurum.benchmarks;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mining cost against hop processing, per particle of the fork-join price oracle (5 hops):
 * {@code processParticle} runs all hops on the chosen engine (the Java interpreter or avm.wasm in Chicory); {@code signReceipts} is the per-hop
 * receipt signing every peer does anyway; {@code mineGoldenHops} is the miner's own work (the golden hash of
 * every evaluable hop). Divide by the particle's hop count for per-hop figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MiningBenchmark {

    @Param({"java", "reference"})
    public String engineName;

    private Scenario scenario;
    private AquaVm engine;
    private SignedTrace trace;
    private ParticleTicket ticket;
    private Map<String, Long> indexes;
    private Map<String, ReceiptKey> keys;
    private List<SignedReceipt> receipts;
    private Miner miner;
    private Eip712Domain domain;

    @Setup
    public void setUp() {
        engine = engineName.equals("java") ? new JavaAquaVm() : new ReferenceAquaVm(AvmModule.load());
        scenario = BuiltinScenarios.load("fork-join");
        trace = scenario.run(engine).trace();
        domain = Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        indexes = new TreeMap<>();
        keys = new TreeMap<>();
        for (Hop h : trace.hops()) {
            if (!indexes.containsKey(h.peer())) {
                indexes.put(h.peer(), (long) indexes.size() + 1);
                keys.put(h.peer(), ReceiptKey.deriveForTesting("bench/" + h.peer()));
            }
        }
        var p = trace.particle();
        ticket = new ParticleTicket(new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash(),
                ReceiptKey.deriveForTesting("bench/client").address(), BigInteger.TEN.pow(16), 0, Target.oneIn(16), 1);
        receipts = signReceipts();
        miner = new Miner(new MiningContext(domain, 0, Keccak.keccak256Utf8("bench seed"), Target.oneIn(16)));
    }

    @Benchmark
    public SignedTrace processParticle() {
        return scenario.run(engine).trace();
    }

    @Benchmark
    public List<SignedReceipt> signReceipts() {
        return Miner.receipts(ticket.hash(), trace, indexes,
                (peer, receipt) -> SignedReceipt.sign(domain, receipt, keys.get(peer)));
    }

    @Benchmark
    public List<Integer> mineGoldenHops() {
        Bytes32 ticketHash = ticket.hash();
        return miner.goldenHops(ticketHash, receipts);
    }
}
