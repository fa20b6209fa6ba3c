package dev.aurum.verifier.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.wasi.VerificationRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traces whose fold nests to just under and just over the interpreter's nesting limit (1,000 levels:
 * about 2 per item with {@code next} in a seq or par, 3 inside xor+par) give the same verdict bytes on
 * the JVM and in the Wasm module, both run on a default 1 MiB Java thread: the limit, not the host
 * thread's stack, decides where a run stops (before it, the Wasm verifier ran out of stack at about
 * 2,000 items where the JVM one did not).
 */
class DeepTraceIdentityTest {

    private static final WasmVerifier WASM = WasmVerifier.load();

    private static byte[] deepTrace(String body, int items) throws DecodeException {
        String list = IntStream.range(0, items).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String scenario = "{\"name\": \"deep\", \"description\": \"a fold nested " + items + " deep\","
                + " \"particle\": {\"id\": \"deep\", \"init\": \"client\", \"timestamp\": 1700000000000, \"ttl\": 60000},"
                + " \"peers\": {\"client\": {\"gen.list\": {\"return\": [" + list + "]}}},"
                + " \"script\": \"(seq (call %init_peer_id% (\\\"gen\\\" \\\"list\\\") [] xs) (fold xs x " + body + "))\"}";
        return TraceCodec.encode(ScenarioParser.parse(scenario).run(new JavaAquaVm()).trace());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(seq (ap x $acc) (next x))|2",
        "(par (ap x $acc) (next x))|2",
        "(xor (par (ap x $acc) (next x)) (null))|3"})
    void underAndOverTheLimitGiveTheSameVerdictOnADefaultThread(String body, int levelsPerItem) throws Exception {
        // just under, just over, and far over the limit (without it the JVM verifier on this thread would
        // overflow its stack at about 2,000 items and the Wasm one would not, or the other way round)
        for (int items : new int[] {(1_000 - 8) / levelsPerItem, 1_000 / levelsPerItem + 8, 3_000}) {
            byte[] trace = deepTrace(body, items);
            AtomicReference<Object[]> result = new AtomicReference<>();
            Thread thread = new Thread(null, () -> result.set(new Object[] {
                VerificationRequest.verdict(trace, null, null), WASM.verify(trace, null)}), "deep", 1L << 20);
            thread.start();
            thread.join();
            byte[] jvm = (byte[]) result.get()[0];
            WasmVerdict wasm = (WasmVerdict) result.get()[1];
            String name = body + " over " + items + " items";
            assertEquals(WasmVerdict.Status.VERDICT, wasm.status(), name + ": " + wasm.detail());
            assertArrayEquals(jvm, wasm.output(), name);
            assertTrue(new String(jvm, StandardCharsets.UTF_8).contains("\"failure\":null"), name); // honest either way
        }
    }
}
