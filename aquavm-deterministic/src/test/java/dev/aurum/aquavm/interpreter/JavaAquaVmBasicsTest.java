package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaAquaVmBasicsTest {

    private static final TestNetwork.Service ECHO = (peer, req) -> CallServiceResult.ok(
            req.arguments().isEmpty() ? "\"ok\"" : dev.aurum.aquavm.json.JsonWriter.toCompactString(req.arguments().get(0)));

    @Test
    void singleLocalCallIssuesRequestThenAppliesResult() {
        TestNetwork net = new TestNetwork(new JavaAquaVm(), ECHO, "alice");
        net.run("alice", "(call %init_peer_id% (\"s\" \"f\") [\"hi\"] x)", 10);
        List<TestNetwork.Step> steps = net.steps();
        assertEquals(2, steps.size());
        InterpreterOutcome first = steps.get(0).outcome();
        assertEquals(0, first.retCode(), first.errorMessage());
        assertEquals(1, steps.get(0).requests().size());
        assertEquals("[{\"call\":{\"sent_by\":{\"PeerIdWithCallId\":{\"call_id\":1,\"peer_id\":\""
                + net.peerId("alice") + "\"}}}}]", Traces.traceJson(first.data()));
        InterpreterOutcome second = steps.get(1).outcome();
        assertEquals(0, second.retCode(), second.errorMessage());
        assertTrue(Traces.traceJson(second.data()).startsWith("[{\"call\":{\"executed\":{\"scalar\":\"bagaaihra"));
    }

    @Test
    void remoteCallForwardsToTargetPeer() {
        TestNetwork net = new TestNetwork(new JavaAquaVm(), ECHO, "alice", "bob");
        net.run("alice", "(seq (call \"@bob\" (\"s\" \"f\") [] x) (call %init_peer_id% (\"s\" \"f\") [x] y))", 20);
        List<TestNetwork.Step> steps = net.steps();
        InterpreterOutcome first = steps.get(0).outcome();
        assertEquals(0, first.retCode(), first.errorMessage());
        assertEquals(List.of(net.peerId("bob")), first.nextPeerPks());
        for (TestNetwork.Step s : steps) {
            assertEquals(0, s.outcome().retCode(), s.peer() + ": " + s.outcome().errorMessage());
        }
        String last = Traces.traceJson(steps.get(steps.size() - 1).outcome().data());
        assertTrue(last.matches("\\[\\{\"call\":\\{\"executed\":\\{\"scalar\":\"[a-z0-9]+\"\\}\\}\\},"
                + "\\{\"call\":\\{\"executed\":\\{\"scalar\":\"[a-z0-9]+\"\\}\\}\\}\\]"), last);
    }
}
