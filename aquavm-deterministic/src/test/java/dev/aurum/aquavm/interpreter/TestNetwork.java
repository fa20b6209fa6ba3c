package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deterministic simulated Fluence network for tests: named peers with real Ed25519 keys, per-peer
 * stored data, services answering call requests, and a FIFO of particles in flight. Works with any
 * {@link AquaVm}, so the same scenario can run on the Java engine and on the reference.
 */
public final class TestNetwork {

    /** Answers one call request on one peer. */
    public interface Service {
        CallServiceResult call(String peerName, CallRequestParams request);
    }

    /** One invoke: who ran it and what came out. */
    public record Step(String peer, InterpreterOutcome outcome, SortedMap<Long, CallRequestParams> requests) {
    }

    private final AquaVm vm;
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final Map<String, String> nameByPeerId = new LinkedHashMap<>();
    private final Map<String, byte[]> stored = new TreeMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Service service;
    private final long timestamp = 1_700_000_000_000L;
    private final long ttl = 60_000;
    private final String particleId = "particle-1";

    public TestNetwork(AquaVm vm, Service service, String... peerNames) {
        this.vm = vm;
        this.service = service;
        for (String name : peerNames) {
            KeyPair k = KeyPair.forTestName(name);
            keys.put(name, k);
            nameByPeerId.put(k.peerId().toString(), name);
        }
    }

    public String peerId(String name) {
        return keys.get(name).peerId().toString();
    }

    /** Replaces {@code @name} in a script by that peer's id. */
    public String script(String air) {
        String out = air;
        for (String name : keys.keySet()) {
            out = out.replace("@" + name, peerId(name));
        }
        return out;
    }

    public List<Step> steps() {
        return steps;
    }

    public byte[] data(String name) {
        return stored.getOrDefault(name, new byte[0]);
    }

    /** Runs a particle from {@code initPeer} until no peer has anything left to do (bounded). */
    public void run(String initPeer, String air, int maxSteps) {
        String script = script(air);
        String init = peerId(initPeer);
        Deque<Object[]> inbox = new ArrayDeque<>();
        inbox.add(new Object[] {initPeer, new byte[0]});
        int budget = maxSteps;
        while (!inbox.isEmpty() && budget-- > 0) {
            Object[] msg = inbox.poll();
            String peer = (String) msg[0];
            byte[] current = (byte[]) msg[1];
            byte[] callResults = CallResults.encode(new TreeMap<>());
            while (budget-- > 0) {
                InterpreterOutcome out = vm.invoke(script, data(peer), current, params(init, peer), callResults);
                SortedMap<Long, CallRequestParams> requests;
                try {
                    requests = out.callRequests().length == 0 ? new TreeMap<>() : CallRequests.decode(out.callRequests());
                } catch (DecodeException e) {
                    throw new IllegalStateException(e);
                }
                steps.add(new Step(peer, out, requests));
                if (out.data().length > 0 && isDataKept(out)) {
                    stored.put(peer, out.data());
                }
                // next peers are a set; visit them in a fixed order so that every engine sees the same run
                for (String next : new java.util.TreeSet<>(out.nextPeerPks())) {
                    String name = nameByPeerId.get(next);
                    if (name != null) {
                        inbox.add(new Object[] {name, out.data()});
                    }
                }
                if (requests.isEmpty()) {
                    break;
                }
                Map<String, CallServiceResult> results = new TreeMap<>();
                for (Map.Entry<Long, CallRequestParams> r : requests.entrySet()) {
                    results.put(Long.toString(r.getKey()), service.call(peer, r.getValue()));
                }
                callResults = CallResults.encode(results);
                current = new byte[0];
            }
        }
    }

    private static boolean isDataKept(InterpreterOutcome out) {
        return out.retCode() < 20000 || out.retCode() >= 30000;
    }

    public RunParameters params(String initPeerId, String peer) {
        return new RunParameters(initPeerId, peerId(peer), timestamp, ttl, 0, seed(peer), particleId,
                RunParameters.DEFAULT_AIR_SIZE_LIMIT, RunParameters.DEFAULT_PARTICLE_SIZE_LIMIT,
                RunParameters.DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
    }

    /** Test seeds: the same derivation as {@link KeyPair#forTestName}. */
    private byte[] seed(String peer) {
        return TestSeeds.seed(peer);
    }
}
