package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A peer: an identity, its services, an AquaVM engine and the per-particle prev-data store. Handling
 * an arrival runs AquaVM's host protocol: invoke, run the requested service calls, invoke again with
 * their results, until no calls are pending or {@code maxRounds} invokes were made.
 */
public final class Peer {

    /** AquaVM's "no call results": multiformat-msgpack of an empty map. */
    public static final byte[] NO_CALL_RESULTS = {(byte) 0x81, 0x04, (byte) 0x80};
    private static final byte[] EMPTY = new byte[0];

    private final PeerIdentity identity;
    private final Services services;
    private final AquaVm engine;
    private final int maxRounds;
    /** particle id → the data this peer last produced for it (AquaVM: "data must always be stored"). */
    private final TreeMap<String, byte[]> prevData = new TreeMap<>();

    public Peer(PeerIdentity identity, Services services, AquaVm engine, int maxRounds) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1");
        }
        this.identity = identity;
        this.services = services;
        this.engine = engine;
        this.maxRounds = maxRounds;
    }

    public PeerIdentity identity() {
        return identity;
    }

    public String peerId() {
        return identity.peerId().toString();
    }

    /** The prev data stored for a particle (empty if this peer has not seen it). */
    public byte[] storedData(String particleId) {
        byte[] d = prevData.get(particleId);
        return d == null ? EMPTY : d.clone();
    }

    /** Runs the host protocol for one arrival of {@code incoming} data. */
    public HopExecution handle(ParticleHeader particle, byte[] incoming) {
        byte[] storedPrev = storedData(particle.id());
        RunParameters params = RunParameters.of(particle.initPeerId(), peerId(), particle.timestamp(),
                particle.ttl(), identity.seed(), particle.id());
        List<ExecutedRound> rounds = new ArrayList<>();
        byte[] prev = storedPrev;
        byte[] current = incoming;
        byte[] results = NO_CALL_RESULTS;
        for (int round = 0; ; round++) {
            InterpreterOutcome outcome = engine.invoke(particle.script(), prev, current, params, results);
            prev = outcome.data();
            current = EMPTY;
            prevData.put(particle.id(), prev);
            SortedMap<Long, CallRequestParams> requests;
            try {
                requests = CallRequests.decode(outcome.callRequests());
            } catch (DecodeException e) {
                rounds.add(new ExecutedRound(results, outcome, List.of()));
                return new HopExecution(storedPrev, incoming, rounds, false, "undecodable call requests: " + e.getMessage());
            }
            if (requests.isEmpty()) {
                rounds.add(new ExecutedRound(results, outcome, List.of()));
                return new HopExecution(storedPrev, incoming, rounds, false, "");
            }
            if (round + 1 >= maxRounds) {
                rounds.add(new ExecutedRound(results, outcome, List.of()));
                return new HopExecution(storedPrev, incoming, rounds, true, "");
            }
            List<ServiceCallRecord> calls = new ArrayList<>();
            TreeMap<String, CallServiceResult> answers = new TreeMap<>(CallResults.CALL_ID_ORDER);
            for (Map.Entry<Long, CallRequestParams> e : requests.entrySet()) {
                CallRequestParams r = e.getValue();
                ServiceCall call = new ServiceCall(particle.id(), particle.initPeerId(), peerId(), e.getKey(),
                        r.serviceId(), r.functionName(), r.arguments(), r.tetraplets());
                ServiceResult result = services.call(call);
                calls.add(new ServiceCallRecord(call, result));
                answers.put(Long.toString(e.getKey()), new CallServiceResult(result.retCode(), result.resultJson()));
            }
            rounds.add(new ExecutedRound(results, outcome, calls));
            results = CallResults.encode(answers);
        }
    }

    /** Signs a hop record this peer executed. */
    public Hop sign(Hop unsigned) {
        if (!unsigned.peer().equals(peerId())) {
            throw new IllegalArgumentException("peer " + peerId() + " cannot sign a hop of " + unsigned.peer());
        }
        return unsigned.withSignature(identity.keys().sign(HopChain.signingMessage(unsigned)).toRawBytes());
    }
}
