package dev.aurum.proofs.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.TraceCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in scenarios on the reference engine (avm.wasm 0.62.0). */
class ScenarioRunTest {

    private static String id(String name) {
        return PeerIdentity.forName(name).peerId().toString();
    }

    private static List<String> hopPeers(NetworkRun run) {
        List<String> out = new ArrayList<>();
        for (Hop h : run.trace().hops()) {
            out.add(h.peer());
        }
        return out;
    }

    private static List<ServiceCallRecord> callsOf(NetworkRun run, String peerName) {
        List<ServiceCallRecord> out = new ArrayList<>();
        for (List<ServiceCallRecord> hop : run.serviceCallsPerHop()) {
            for (ServiceCallRecord c : hop) {
                if (c.call().peerId().equals(id(peerName))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void forkJoinJoinsBothPricesAtTheAveragingPeer() throws DecodeException {
        NetworkRun run = BuiltinScenarios.load("fork-join").run(Engines.REFERENCE);
        assertEquals(List.of(), run.events());
        // client forks; both providers answer; average waits for the first price, computes on the second; user
        assertEquals(List.of(id("client"), id("provider1"), id("provider2"), id("average"), id("average"), id("user")),
                hopPeers(run));
        Hop waiting = run.trace().hops().get(3);
        assertEquals(1, waiting.rounds().size());
        assertEquals(List.of(), waiting.nextPeers());
        ServiceCallRecord calc = callsOf(run, "average").get(0);
        assertEquals(List.of(new JsonPosInt(10), new JsonPosInt(20)), calc.call().arguments());
        assertEquals("15.0", calc.result().resultJson());
        assertEquals("15.0", callsOf(run, "user").get(0).call().arguments().get(0).toString());
        // deliveries: every hop but the first came from a hop that named its peer
        for (Hop h : run.trace().hops().subList(1, run.trace().hops().size())) {
            assertTrue(run.trace().hops().get(h.from()).nextPeers().contains(h.peer()));
            assertEquals(run.trace().hops().get(h.from()).outData(), h.incoming());
        }
        // the hop chain links every record to its predecessor, and the trace round-trips
        for (int i = 0; i < run.trace().hops().size(); i++) {
            assertEquals(HopChain.expectedLink(run.trace().particle(), run.trace().hops(), i),
                    run.trace().hops().get(i).link());
        }
        byte[] encoded = TraceCodec.encode(run.trace());
        assertArrayEquals(encoded, TraceCodec.encode(TraceCodec.decode(encoded)));
    }

    @Test
    void runsAreDeterministic() {
        Scenario s = BuiltinScenarios.load("chain");
        assertArrayEquals(TraceCodec.encode(s.run(Engines.REFERENCE).trace()),
                TraceCodec.encode(s.run(Engines.REFERENCE).trace()));
    }

    @Test
    void chainPassesValuesAlong() {
        NetworkRun run = BuiltinScenarios.load("chain").run(Engines.REFERENCE);
        assertEquals(List.of(id("alice"), id("bob"), id("carol"), id("dave")), hopPeers(run));
        assertEquals("[[\"hello\"],\"hello\"]", callsOf(run, "dave").get(0).result().resultJson());
        assertEquals(id("carol"), callsOf(run, "dave").get(0).call().tetraplets().get(0).get(0).peerPk());
    }

    @Test
    void foldFansOutAndBackIn() {
        NetworkRun run = BuiltinScenarios.load("fold-fanout").run(Engines.REFERENCE);
        assertEquals(7, run.trace().hops().size());
        assertEquals(3, run.trace().hops().get(0).nextPeers().size());
        List<String> logged = new ArrayList<>();
        for (ServiceCallRecord c : callsOf(run, "client")) {
            if (c.call().serviceId().equals("log")) {
                logged.add(((JsonString) c.call().arguments().get(0)).value());
            }
        }
        logged.sort(null);
        assertEquals(List.of("pong-1", "pong-2", "pong-3"), logged);
    }

    @Test
    void xorCatchesTheFailingService() {
        NetworkRun run = BuiltinScenarios.load("xor-failure").run(Engines.REFERENCE);
        assertEquals(7, callsOf(run, "worker").get(0).result().retCode());
        String logged = ((JsonString) callsOf(run, "client").get(0).call().arguments().get(0)).value();
        assertTrue(logged.contains("upstream timeout"), logged);
        assertEquals(0, run.trace().hops().get(run.trace().hops().size() - 1).rounds().get(1).retCode());
    }

    @Test
    void particlesArrivingAfterTheirTtlAreDropped() throws DecodeException {
        // latency 10 ms, ttl 15 ms: the client's deliveries arrive at +10 (alive), the providers' at +20 (expired)
        Scenario s = ScenarioParser.parse(BuiltinScenarios.json("fork-join")
                .replace("\"ttl\": 60000", "\"ttl\": 15"));
        NetworkRun run = s.run(Engines.REFERENCE);
        assertEquals(3, run.trace().hops().size());
        assertEquals(2, run.events().size());
        for (NetworkEvent e : run.events()) {
            assertEquals(NetworkEvent.Kind.EXPIRED, e.kind());
            assertEquals(id("average"), e.peer());
            assertEquals(1_700_000_000_020L, e.time());
        }
    }

    @Test
    void boundsQueueAndRounds() throws DecodeException {
        String json = BuiltinScenarios.json("fold-fanout");
        NetworkRun small = ScenarioParser.parse(json.replace("\"particle\":",
                "\"network\": {\"queue_capacity\": 1},\n  \"particle\":")).run(Engines.REFERENCE);
        assertEquals(2, count(small.events(), NetworkEvent.Kind.QUEUE_FULL));
        NetworkRun oneRound = ScenarioParser.parse(json.replace("\"particle\":",
                "\"network\": {\"max_rounds\": 1},\n  \"particle\":")).run(Engines.REFERENCE);
        assertEquals(1, oneRound.trace().hops().size());
        assertEquals(NetworkEvent.Kind.ROUND_LIMIT, oneRound.events().get(0).kind());
    }

    @Test
    void deliveriesToUnknownPeersAreReported() throws DecodeException {
        String ghost = id("ghost");
        Scenario s = ScenarioParser.parse("{\"name\": \"ghost\", \"particle\": {\"id\": \"g\", \"init\": \"a\","
                + " \"timestamp\": 1, \"ttl\": 1000}, \"peers\": {\"a\": {}},"
                + " \"script\": \"(call \\\"" + ghost + "\\\" (\\\"s\\\" \\\"f\\\") [])\"}");
        NetworkRun run = s.run(Engines.REFERENCE);
        assertEquals(1, run.trace().hops().size());
        assertEquals(List.of(new NetworkEvent(NetworkEvent.Kind.UNKNOWN_PEER, 0, ghost, 11, "no such peer")),
                run.events());
    }

    private static long count(List<NetworkEvent> events, NetworkEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }
}
