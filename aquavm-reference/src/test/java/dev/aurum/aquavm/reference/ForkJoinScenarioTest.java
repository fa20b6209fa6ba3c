package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * avm-wasm-abi.md section 5, scenario 2: fork-join over four peers plus the initiating client, run hop
 * by hop with real PeerIds. p1 and p2 return prices 10 and 20, avg averages them, user is shown 15.0.
 */
class ForkJoinScenarioTest {

    private static final TestPeer CLIENT = TestPeer.named("client");
    private static final TestPeer P1 = TestPeer.named("p1");
    private static final TestPeer P2 = TestPeer.named("p2");
    private static final TestPeer AVG = TestPeer.named("avg");
    private static final TestPeer USER = TestPeer.named("user");
    private static final byte[] NONE = new byte[0];

    static final String AIR = ("(seq\n"
            + "  (seq\n"
            + "    (par\n"
            + "      (call \"P1\" (\"prices\" \"get\") [] price_1)\n"
            + "      (call \"P2\" (\"prices\" \"get\") [] price_2))\n"
            + "    (call \"AVG\" (\"average\" \"calc\") [price_1 price_2] avg_price))\n"
            + "  (call \"USER\" (\"show\" \"show\") [avg_price]))")
            .replace("P1", P1.peerId()).replace("P2", P2.peerId())
            .replace("AVG", AVG.peerId()).replace("USER", USER.peerId());

    private final ReferenceAquaVm vm = SharedVm.VM;

    @Test
    void forkJoinHopByHop() {
        InterpreterOutcome done = runAllHops();
        String human = vm.toHumanReadableData(done.data());
        for (String json : List.of("10", "20", "15.0")) {
            String cid = Cids.jsonBlake3(json);
            assertTrue(human.contains("\"" + cid + "\": \"" + json + "\""), json + " in " + human);
        }
        // every peer that ran the particle signed its part; signatures are keyed by base58(00 || pk)
        for (TestPeer signer : List.of(CLIENT, P1, P2, AVG, USER)) {
            assertTrue(human.contains("\"" + signer.signatureKey() + "\": \""), signer.name() + " in " + human);
        }
        // trace: par [1, 1], the two prices, the average, and the unused show.show result
        String trace = human.substring(human.indexOf("\"trace\""));
        assertEquals(1, count(trace, "\"par\": [\n          1,\n          1\n        ]"), trace);
        assertEquals(3, count(trace, "\"scalar\""), trace);
        assertEquals(1, count(trace, "\"unused\""), trace);
    }

    /** The final data at the user after all ten steps (each step's expectations are asserted on the way). */
    byte[] finalData() {
        return runAllHops().data();
    }

    private InterpreterOutcome runAllHops() {
        // 1. client: nothing to call locally, the particle forks to p1 and p2
        InterpreterOutcome atClient = vm.invoke(AIR, NONE, NONE, Hops.params(CLIENT, CLIENT), Hops.NO_CALL_RESULTS);
        assertSuccess(atClient);
        assertEquals(Set.of(P1.peerId(), P2.peerId()), Set.copyOf(atClient.nextPeerPks()));
        assertArrayEquals(Hops.NO_CALL_RESULTS, atClient.callRequests());

        // 2-3. p2 and 4-5. p1: each calls prices.get, then sends to avg
        byte[] fromP2 = priceHop(P2, atClient.data(), "20");
        byte[] fromP1 = priceHop(P1, atClient.data(), "10");

        // 6. avg receives p2's particle first: price_1 is missing, so it waits (no requests, no next peers)
        InterpreterOutcome avgFirst = vm.invoke(AIR, NONE, fromP2, Hops.params(CLIENT, AVG), Hops.NO_CALL_RESULTS);
        assertSuccess(avgFirst);
        assertEquals(List.of(), avgFirst.nextPeerPks());
        assertArrayEquals(Hops.NO_CALL_RESULTS, avgFirst.callRequests());

        // 7. avg receives p1's particle, merges with its previous data: average.calc [10, 20]
        InterpreterOutcome avgSecond = vm.invoke(AIR, avgFirst.data(), fromP1, Hops.params(CLIENT, AVG),
                Hops.NO_CALL_RESULTS);
        assertSuccess(avgSecond);
        List<Hops.CallRequest> calc = Hops.callRequests(avgSecond);
        assertEquals(1, calc.size());
        assertEquals("average", calc.get(0).serviceId());
        assertEquals("calc", calc.get(0).functionName());
        assertEquals(List.of(JsonValue.of(10), JsonValue.of(20)), calc.get(0).arguments());
        assertEquals(List.of(List.of(Hops.tetraplet(P1.peerId(), "prices", "get", "")),
                        List.of(Hops.tetraplet(P2.peerId(), "prices", "get", ""))),
                calc.get(0).tetraplets());

        // 8. avg returns 15.0 and sends to user
        InterpreterOutcome avgDone = vm.invoke(AIR, avgSecond.data(), NONE, Hops.params(CLIENT, AVG),
                Hops.result(calc.get(0).id(), "15.0"));
        assertSuccess(avgDone);
        assertEquals(List.of(USER.peerId()), avgDone.nextPeerPks());

        // 9. user: show.show [15.0] with avg's tetraplet
        InterpreterOutcome atUser = vm.invoke(AIR, NONE, avgDone.data(), Hops.params(CLIENT, USER),
                Hops.NO_CALL_RESULTS);
        assertSuccess(atUser);
        List<Hops.CallRequest> show = Hops.callRequests(atUser);
        assertEquals(1, show.size());
        assertEquals("show", show.get(0).serviceId());
        assertEquals("show", show.get(0).functionName());
        assertEquals(List.of(JsonValue.of(15.0)), show.get(0).arguments());
        assertEquals(List.of(List.of(Hops.tetraplet(AVG.peerId(), "average", "calc", ""))), show.get(0).tetraplets());

        // 10. user completes: no requests, no next peers; the trace holds all three values
        InterpreterOutcome done = vm.invoke(AIR, atUser.data(), NONE, Hops.params(CLIENT, USER),
                Hops.result(show.get(0).id(), "null"));
        assertSuccess(done);
        assertEquals(List.of(), done.nextPeerPks());
        assertArrayEquals(Hops.NO_CALL_RESULTS, done.callRequests());
        return done;
    }

    /** A price peer: first invoke asks for prices.get, the second (with the result) forwards to avg. */
    private byte[] priceHop(TestPeer peer, byte[] incoming, String price) {
        InterpreterOutcome ask = vm.invoke(AIR, NONE, incoming, Hops.params(CLIENT, peer), Hops.NO_CALL_RESULTS);
        assertSuccess(ask);
        assertEquals(List.of(), ask.nextPeerPks());
        List<Hops.CallRequest> requests = Hops.callRequests(ask);
        assertEquals(1, requests.size());
        assertEquals("prices", requests.get(0).serviceId());
        assertEquals("get", requests.get(0).functionName());
        assertEquals(List.of(), requests.get(0).arguments());

        InterpreterOutcome answered = vm.invoke(AIR, ask.data(), NONE, Hops.params(CLIENT, peer),
                Hops.result(requests.get(0).id(), price));
        assertSuccess(answered);
        assertEquals(List.of(AVG.peerId()), answered.nextPeerPks());
        assertArrayEquals(Hops.NO_CALL_RESULTS, answered.callRequests());
        return answered.data();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static void assertSuccess(InterpreterOutcome outcome) {
        assertEquals(0, outcome.retCode(), outcome.errorMessage());
        assertEquals("", outcome.errorMessage());
    }
}
