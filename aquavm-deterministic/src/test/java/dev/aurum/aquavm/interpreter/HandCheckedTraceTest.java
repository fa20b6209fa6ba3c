package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Traces derived by hand from the rules, with the CID vectors of the spec (§6). */
class HandCheckedTraceTest {

    private static final String ALICE = dev.aurum.aquavm.crypto.KeyPair.forTestName("alice").peerId().toString();
    private static final String BOB = dev.aurum.aquavm.crypto.KeyPair.forTestName("bob").peerId().toString();
    private final JavaAquaVm vm = new JavaAquaVm();

    private InterpreterOutcome invoke(String air, byte[] prev, Map<String, CallServiceResult> results) {
        RunParameters p = new RunParameters(ALICE, ALICE, 1_700_000_000_000L, 60_000, 0, TestSeeds.seed("alice"),
                "particle-1", RunParameters.DEFAULT_AIR_SIZE_LIMIT, RunParameters.DEFAULT_PARTICLE_SIZE_LIMIT,
                RunParameters.DEFAULT_CALL_RESULT_SIZE_LIMIT, false);
        return vm.invoke(air, prev, new byte[0], p, CallResults.encode(new TreeMap<>(results)));
    }

    private static SortedMap<Long, CallRequestParams> requests(InterpreterOutcome o) throws DecodeException {
        return CallRequests.decode(o.callRequests());
    }

    @Test
    void unusedResultIsTheCidOfTheValue() {
        String air = "(call %init_peer_id% (\"s\" \"f\") [42])";
        InterpreterOutcome first = invoke(air, new byte[0], Map.of());
        InterpreterOutcome second = invoke(air, first.data(), Map.of("1", CallServiceResult.ok("42")));
        assertEquals(0, second.retCode(), second.errorMessage());
        assertEquals("[{\"call\":{\"executed\":{\"unused\":"
                + "\"bagaaihra3ijwi5gxk5odex3qfo32u5prci4giaz4ysel67m4a5hk3l432djq\"}}}]",
                Traces.traceJson(second.data()));
        // unused values are neither stored nor signed
        assertEquals(0, Traces.decode(second.data()).cidInfo().valueStore().size());
    }

    @Test
    void scalarResultStoresValueArgumentHashAndTetraplet() {
        String air = "(call %init_peer_id% (\"s\" \"f\") [42] x)";
        InterpreterOutcome first = invoke(air, new byte[0], Map.of());
        InterpreterOutcome second = invoke(air, first.data(), Map.of("1", CallServiceResult.ok("{\"key\":42}")));
        InterpreterData data = Traces.decode(second.data());
        assertEquals(1, data.cidInfo().serviceResultStore().size());
        ServiceResultCidAggregate agg = data.cidInfo().serviceResultStore().values().iterator().next();
        assertEquals("bagaaihraryhzxrhasfve7jwovrl4rb4j45lljt5prmoci34y3i6qx7joxy2a", agg.argumentHash());
        assertEquals("bagaaihracpzxhsrpviexa7k6glwdhyh3a4kvy6j7qlcqokzqbs3q424cmxyq", agg.valueCid());
        assertEquals("{\"key\":42}", data.cidInfo().valueStore().get(agg.valueCid()));
        assertEquals(1, data.signatures().signatures().size());
        assertEquals(1, data.lastCallRequestId());
    }

    @Test
    void emptyArgumentsHashAsEmptyArray() {
        String air = "(call %init_peer_id% (\"s\" \"f\") [] x)";
        InterpreterOutcome second = invoke(air, invoke(air, new byte[0], Map.of()).data(),
                Map.of("1", CallServiceResult.ok("1")));
        ServiceResultCidAggregate agg = Traces.decode(second.data()).cidInfo().serviceResultStore().values()
                .iterator().next();
        assertEquals("bagaaihra2u6rrqrsclvhwyyalff3rg6omaqy63x7foowfc4myqwt46n32wvq", agg.argumentHash());
        assertEquals("bagaaihra2y55tkbgv6i4d7vdoglfuzhbd3ra6e7ennpvfrmzaejwmbntusdq", agg.valueCid());
    }

    @Test
    void forkJoinOverPeersNestsParsInTheRightBranch() {
        // data_merge.rs: (fold neighborhood i (par (call i ...) (next i))) -> par(1,2) call par(1,0) call
        String air = "(seq (call %init_peer_id% (\"peers\" \"\") [] nb) (fold nb i (par (call i (\"p\" \"\") [] $void) (next i))))";
        InterpreterOutcome first = invoke(air, new byte[0], Map.of());
        InterpreterOutcome second = invoke(air, first.data(),
                Map.of("1", CallServiceResult.ok("[\"" + BOB + "\",\"" + BOB + "x\"]")));
        assertEquals(0, second.retCode(), second.errorMessage());
        String trace = Traces.traceJson(second.data());
        String sent = "{\"call\":{\"sent_by\":{\"PeerId\":\"" + ALICE + "\"}}}";
        assertEquals("[{\"call\":{\"executed\":{\"scalar\":\"" + scalarCid(second) + "\"}}},{\"par\":[1,2]}," + sent
                + ",{\"par\":[1,0]}," + sent + "]", trace);
        assertEquals(List.of(BOB, BOB + "x"), second.nextPeerPks());
    }

    private static String scalarCid(InterpreterOutcome o) {
        return Traces.decode(o.data()).cidInfo().serviceResultStore().keySet().iterator().next();
    }

    @Test
    void foldOverStreamFirstRunWritesLoreOfTheFirstIteration() throws DecodeException {
        // spec §4.2 example script; in the first run the body's call waits, so `next` is not reached
        String air = "(seq (seq (ap 1 $stream) (ap 2 $stream)) (seq (fold $stream iterator"
                + " (seq (call %init_peer_id% (\"\" \"\") [iterator] $new_stream) (next iterator))"
                + " (call %init_peer_id% (\"\" \"\") [iterator] $new_stream)) (call %init_peer_id% (\"\" \"\") [0])))";
        InterpreterOutcome first = invoke(air, new byte[0], Map.of());
        assertEquals(0, first.retCode(), first.errorMessage());
        assertEquals("[{\"ap\":{\"gens\":[0]}},{\"ap\":{\"gens\":[0]}},"
                + "{\"fold\":{\"lore\":[{\"desc\":[{\"len\":1,\"pos\":3},{\"len\":0,\"pos\":4}],\"pos\":0}]}},"
                + "{\"call\":{\"sent_by\":{\"PeerIdWithCallId\":{\"call_id\":1,\"peer_id\":\"" + ALICE + "\"}}}}]",
                Traces.traceJson(first.data()));
        assertEquals(1, requests(first).size());
    }

    @Test
    void uncatchableErrorReturnsPrevDataUnchanged() {
        String air = "(seq (ap 1 x) (ap 2 x))";
        InterpreterOutcome out = invoke(air, new byte[0], Map.of());
        assertEquals(20007, out.retCode());
        assertEquals("trying to shadow variable 'x', but shadowing is allowed only inside fold blocks",
                out.errorMessage());
        assertEquals(0, out.data().length);
        assertEquals(List.of(), out.nextPeerPks());
    }

    @Test
    void unprocessedCallResultStillReturnsData() {
        String air = "(null)";
        InterpreterOutcome out = invoke(air, new byte[0], Map.of("7", CallServiceResult.ok("1")));
        assertEquals(30000, out.retCode());
        assertEquals("after finishing execution of supplied AIR, there are some unprocessed call results: "
                + "`{\"7\": CallServiceResult { ret_code: 0, result: \"1\" }}`, probably a wrong call_id used",
                out.errorMessage());
        assertEquals("[]", Traces.traceJson(out.data()));
    }

    @Test
    void sameInputsGiveSameBytes() {
        String air = "(seq (call %init_peer_id% (\"s\" \"f\") [] x) (par (call \"" + BOB + "\" (\"s\" \"f\") [x] y)"
                + " (ap x $s)))";
        InterpreterOutcome a = invoke(air, invoke(air, new byte[0], Map.of()).data(),
                Map.of("1", CallServiceResult.ok("{\"b\":1,\"a\":[1.5,-2]}")));
        InterpreterOutcome b = invoke(air, invoke(air, new byte[0], Map.of()).data(),
                Map.of("1", CallServiceResult.ok("{\"b\":1,\"a\":[1.5,-2]}")));
        assertEquals(a, b);
    }
}
