package dev.aurum.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.vectors.transcript.InvokeLine;
import dev.aurum.vectors.transcript.OutcomeDiff;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's acceptance: on every multi-peer scenario run on the reference engine, every
 * {@code data} it emits decodes with our codecs and re-encodes with our writer, and the reference
 * engine, given our bytes as prev and as current data, gives a semantically identical outcome.
 */
class RoundTripAcceptanceTest {

    static Stream<String> scenarios() {
        return ScenarioCatalog.names().stream();
    }

    @Test
    void atLeastTwentyMultiPeerScenarios() {
        int multiPeer = 0;
        for (String s : ScenarioCatalog.names()) {
            TreeSet<String> peers = new TreeSet<>();
            for (InvokeLine l : SharedContext.get().recorded(s).invokes()) {
                peers.add(l.params().currentPeerId());
            }
            multiPeer += peers.size() >= 2 ? 1 : 0;
        }
        assertTrue(multiPeer >= 20, multiPeer + " scenarios ran on two or more peers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void referenceAcceptsOurReencodedData(String scenario) throws DecodeException {
        List<InvokeLine> invokes = SharedContext.get().recorded(scenario).invokes();
        int fedBack = 0;
        for (int i = 0; i < invokes.size(); i++) {
            InvokeLine line = invokes.get(i);
            String where = scenario + " invoke " + i + " on " + line.params().currentPeerId();
            if (line.out().data().length > 0) {
                reencode(line.out().data(), where + " out.data"); // every emitted data round-trips
            }
            if (line.prevData().length == 0 && line.data().length == 0) {
                continue;
            }
            byte[] prev = line.prevData().length == 0 ? line.prevData() : reencode(line.prevData(), where + " prev_data");
            byte[] current = line.data().length == 0 ? line.data() : reencode(line.data(), where + " data");
            InterpreterOutcome again = line.withData(prev, current).replay(SharedContext.get().reference());
            Optional<OutcomeDiff.Difference> d = OutcomeDiff.first(line.out(), again);
            if (d.isPresent()) {
                fail(where + ": the reference engine's outcome changed on our re-encoded data: " + d.get());
            }
            fedBack++;
        }
        assertTrue(fedBack > 0, scenario + ": no invoke had data to feed back");
    }

    /** Decodes an envelope with our codecs and writes it again with our canonical writer. */
    private static byte[] reencode(byte[] envelope, String where) throws DecodeException {
        DataEnvelope env = DataEnvelope.decode(envelope);
        InterpreterData data = InterpreterDataRkyv.decode(env.innerData());
        byte[] inner = InterpreterDataRkyv.encode(data);
        byte[] ours = new DataEnvelope(env.version(), env.interpreterVersion(), inner).encode();
        assertEquals(data, InterpreterDataRkyv.decode(DataEnvelope.decode(ours).innerData()), where + ": re-decoded data");
        return ours;
    }
}
