package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** avm-wasm-abi.md section 5, scenario 1: {@code (call %init_peer_id% ("svc" "fn") [] x)}. */
class SingleCallScenarioTest {

    static final String AIR = "(call %init_peer_id% (\"svc\" \"fn\") [] x)";
    private static final TestPeer PEER = TestPeer.named("single");
    private static final byte[] NONE = new byte[0];

    @Test
    void callRequestThenCallResultCompletesTheTrace() {
        ReferenceAquaVm vm = SharedVm.VM;
        RunParameters params = Hops.params(PEER, PEER);

        InterpreterOutcome first = vm.invoke(AIR, NONE, NONE, params, Hops.NO_CALL_RESULTS);
        assertEquals(0, first.retCode(), first.errorMessage());
        assertEquals("", first.errorMessage());
        assertEquals(List.of(), first.nextPeerPks());
        List<Hops.CallRequest> requests = Hops.callRequests(first);
        assertEquals(1, requests.size());
        Hops.CallRequest request = requests.get(0);
        assertEquals(1, request.id());
        assertEquals("svc", request.serviceId());
        assertEquals("fn", request.functionName());
        assertEquals(List.of(), request.arguments());
        assertEquals(List.of(), request.tetraplets());
        assertEnvelope(first.data());

        InterpreterOutcome second = vm.invoke(AIR, first.data(), NONE, params, Hops.result(1, "\"hello\""));
        assertEquals(0, second.retCode(), second.errorMessage());
        assertEquals(List.of(), second.nextPeerPks());
        assertArrayEquals(Hops.NO_CALL_RESULTS, second.callRequests());
        String human = vm.toHumanReadableData(second.data());
        String helloCid = Cids.jsonBlake3("\"hello\"");
        assertTrue(helloCid.startsWith("bagaaihraywiz5ms6"), helloCid);
        assertTrue(human.contains("\"" + helloCid + "\": \"\\\"hello\\\"\""), human);
        assertTrue(human.contains("\"lcid\": 1"), human);
        assertTrue(human.contains("\"peer_pk\": \"" + PEER.peerId() + "\""), human);
        assertTrue(human.contains("\"interpreter_version\": \"0.62.0\""), human);
        assertTrue(human.contains("\"version\": \"0.17.2\""), human);
        assertTrue(human.contains("\"scalar\": \"bagaaihra"), human);
    }

    /** The data envelope is the msgpack map {version, interpreter_version, inner_data: bin}. */
    private static void assertEnvelope(byte[] data) {
        try {
            DataEnvelope envelope = DataEnvelope.decode(data);
            assertEquals("0.17.2", envelope.version());
            assertEquals("0.62.0", envelope.interpreterVersion());
            assertTrue(envelope.innerData().length > 0);
            assertArrayEquals(data, envelope.encode(), "AquaVM writes the envelope as our codec does");
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }
}
