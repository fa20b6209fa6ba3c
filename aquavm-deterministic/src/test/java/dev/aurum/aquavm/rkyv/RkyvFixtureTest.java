package dev.aurum.aquavm.rkyv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real inner_data produced by avm.wasm 0.62.0: decode, compare with the engine's own dump, re-encode. */
class RkyvFixtureTest {

    private static final ObjectNode REENCODED = new ObjectMapper().createObjectNode();

    static Stream<Fixtures.Sample> samples() {
        return Fixtures.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodedModelMatchesTheEnginesHumanReadableDump(Fixtures.Sample s) throws DecodeException {
        InterpreterData decoded = InterpreterDataRkyv.decode(s.innerData());
        assertEquals(HumanReadableData.toModel(s.human()), decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void renderingTheDecodedModelGivesTheEnginesExactHumanReadableText(Fixtures.Sample s) throws DecodeException {
        InterpreterData decoded = InterpreterDataRkyv.decode(s.innerData());
        assertEquals(s.humanText(), InterpreterDataJson.humanReadable(
                s.envelope().version(), s.envelope().interpreterVersion(), decoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void canonicalReencodingRoundTripsAndIsStable(Fixtures.Sample s) throws DecodeException {
        InterpreterData decoded = InterpreterDataRkyv.decode(s.innerData());
        byte[] canonical = InterpreterDataRkyv.encode(decoded);
        assertEquals(decoded, InterpreterDataRkyv.decode(canonical));
        assertArrayEquals(canonical, InterpreterDataRkyv.encode(InterpreterDataRkyv.decode(canonical)));
        synchronized (REENCODED) {
            REENCODED.put(Fixtures.hex(s.innerData()), Fixtures.hex(canonical));
        }
    }

    /** With at most one entry per map, Rust's random HashMap order cannot differ from ours: same bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reencodingWithoutOrderChoicesReproducesTheEnginesBytes(Fixtures.Sample s) throws DecodeException {
        InterpreterData decoded = InterpreterDataRkyv.decode(s.innerData());
        if (atMostOneEntryPerMap(decoded)) {
            assertEquals(Fixtures.hex(s.innerData()), Fixtures.hex(InterpreterDataRkyv.encode(decoded)));
        }
    }

    @Test
    void fixturesCoverEveryStateKindAndSomeSingleEntryData() throws DecodeException {
        List<Fixtures.Sample> samples = Fixtures.samples();
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        int singleEntry = 0;
        for (Fixtures.Sample s : samples) {
            InterpreterData d = InterpreterDataRkyv.decode(s.innerData());
            d.trace().forEach(state -> kinds.add(kind(state)));
            if (atMostOneEntryPerMap(d)) {
                singleEntry++;
            }
        }
        assertEquals(List.of("ap", "call.executed.scalar", "call.executed.stream", "call.executed.unused", "call.failed",
                "call.sent_by.PeerId", "call.sent_by.PeerIdWithCallId", "canon.executed", "canon.sent_by", "fold", "par"),
                List.copyOf(kinds));
        assertTrue(singleEntry >= 5, "only " + singleEntry + " samples with at most one entry per map");
    }

    @AfterAll
    static void writeReencodedForTheNodeReplay() throws IOException {
        // Consumed by src/test/node/avm-fixtures.mjs replay (a manual cross-check against avm.wasm).
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("rkyv-reencoded.json"), REENCODED.toPrettyString());
        }
    }

    private static String kind(dev.aurum.aquavm.data.ExecutedState s) {
        if (s instanceof dev.aurum.aquavm.data.ExecutedState.Call c) {
            if (c.result() instanceof dev.aurum.aquavm.data.CallResult.Executed e) {
                return "call.executed." + e.value().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            }
            if (c.result() instanceof dev.aurum.aquavm.data.CallResult.RequestSentBy r) {
                return "call.sent_by." + r.sender().getClass().getSimpleName();
            }
            return "call.failed";
        }
        if (s instanceof dev.aurum.aquavm.data.ExecutedState.Canon c) {
            return c.result() instanceof dev.aurum.aquavm.data.CanonResult.Executed ? "canon.executed" : "canon.sent_by";
        }
        return s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean atMostOneEntryPerMap(InterpreterData d) {
        CidInfo c = d.cidInfo();
        return c.valueStore().size() <= 1 && c.tetrapletStore().size() <= 1 && c.canonElementStore().size() <= 1
                && c.canonResultStore().size() <= 1 && c.serviceResultStore().size() <= 1
                && d.signatures().signatures().size() <= 1;
    }
}
