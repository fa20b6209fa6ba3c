package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A deterministic simulated network for one {@link DiffScenario}: named peers with real Ed25519 keys,
 * each running the engine {@code engineFor} assigns it (so a particle can cross Java and avm.wasm peers),
 * per-peer stored data, {@link CorpusServices} answering call requests, and a FIFO of particles. Next
 * peers are visited in sorted PeerId order, so every engine assignment sees the same schedule.
 */
final class EngineNetwork {

    /** One invoke: where it ran, on which engine, and what came out. */
    record Step(String peer, String engine, InterpreterOutcome outcome, SortedMap<Long, CallRequestParams> requests) {
    }

    /** A particle in flight: who receives it and the data it carries. */
    private record Delivery(String peer, byte[] data) {
    }

    /** The run stopped because an engine trapped (only avm.wasm does). */
    record Trap(int step, String peer, RuntimeException error) {
    }

    private static final long TIMESTAMP = 1_700_000_000_000L;
    private static final long TTL = 60_000;
    /** Every scenario's particle id (also the salt of data signatures, see {@link DataTamper}). */
    static final String PARTICLE_ID = "particle-1";

    private final DiffScenario scenario;
    private final Function<String, AquaVm> engineFor;
    private final Map<String, String> peerIds = new LinkedHashMap<>();
    private final Map<String, String> nameByPeerId = new LinkedHashMap<>();
    private final Map<String, byte[]> stored = new TreeMap<>();
    private final List<Step> steps = new ArrayList<>();
    private Trap trap;

    EngineNetwork(DiffScenario scenario, Function<String, AquaVm> engineFor) {
        this.scenario = scenario;
        this.engineFor = engineFor;
        for (String name : scenario.peers()) {
            String id = KeyPair.forTestName(name).peerId().toString();
            peerIds.put(name, id);
            nameByPeerId.put(id, name);
        }
    }

    List<Step> steps() {
        return steps;
    }

    Trap trap() {
        return trap;
    }

    /** The scenario's AIR with {@code @name} replaced by that peer's id (longest names first). */
    String script() {
        String out = scenario.air();
        List<String> names = new ArrayList<>(peerIds.keySet());
        names.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        for (String name : names) {
            out = out.replace("@" + name, peerIds.get(name));
        }
        return out;
    }

    /** Runs the particle until no peer has work left, the step budget ends, or an engine traps. */
    EngineNetwork run() {
        String script = script();
        String init = peerIds.get(scenario.init());
        Deque<Delivery> inbox = new ArrayDeque<>();
        inbox.add(new Delivery(scenario.init(), new byte[0]));
        int budget = scenario.maxSteps();
        int deliveries = 0;
        while (!inbox.isEmpty() && budget > 0) {
            Delivery msg = inbox.poll();
            String peer = msg.peer();
            byte[] current = msg.data();
            if (current.length > 0) {
                if (scenario.tamper() != null && scenario.tamper().delivery() == deliveries) {
                    current = DataTamper.apply(scenario.tamper().kind(), current, scenario.peers());
                }
                deliveries++;
            }
            byte[] callResults = CallResults.encode(new TreeMap<>());
            AquaVm vm = engineFor.apply(peer);
            while (budget-- > 0) {
                InterpreterOutcome out;
                try {
                    out = vm.invoke(script, stored.getOrDefault(peer, new byte[0]), current, params(init, peer),
                            callResults);
                } catch (RuntimeException e) {
                    trap = new Trap(steps.size(), peer, e);
                    return this;
                }
                SortedMap<Long, CallRequestParams> requests;
                try {
                    requests = out.callRequests().length == 0 ? new TreeMap<>() : CallRequests.decode(out.callRequests());
                } catch (DecodeException e) {
                    throw new IllegalStateException(vm.name() + " emitted undecodable call requests", e);
                }
                steps.add(new Step(peer, vm.name(), out, requests));
                if (out.data().length > 0 && isDataKept(out)) {
                    stored.put(peer, out.data());
                }
                for (String next : new TreeSet<>(out.nextPeerPks())) {
                    String name = nameByPeerId.get(next);
                    if (name != null) {
                        inbox.add(new Delivery(name, out.data()));
                    }
                }
                if (requests.isEmpty()) {
                    break;
                }
                Map<String, CallServiceResult> results = new TreeMap<>();
                for (Map.Entry<Long, CallRequestParams> r : requests.entrySet()) {
                    results.put(Long.toString(r.getKey()), CorpusServices.call(peer, r.getValue()));
                }
                callResults = CallResults.encode(results);
                current = new byte[0];
            }
        }
        return this;
    }

    /** A host keeps the returned data unless the run failed on a trace error (20000..29999), as nox does. */
    private static boolean isDataKept(InterpreterOutcome out) {
        return out.retCode() < 20000 || out.retCode() >= 30000;
    }

    private RunParameters params(String initPeerId, String peer) {
        DiffScenario.Limits l = scenario.limits();
        return new RunParameters(initPeerId, peerIds.get(peer), TIMESTAMP, TTL, 0, seed(peer), PARTICLE_ID,
                l.air(), l.particle(), l.callResult(), l.hard());
    }

    /** The seed {@link KeyPair#forTestName} derives the key from: SHA-256 of the name. */
    static byte[] seed(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        SHA256Digest d = new SHA256Digest();
        d.update(utf8, 0, utf8.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
