package dev.aurum.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.TraceCodec;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A known-answer vector: {@code traces/fork-join.trace}, recorded with {@code aurum trace record
 * fork-join --engine reference} (avm.wasm 0.62.0). Recording must reproduce it byte for byte, and it
 * must verify.
 */
class KnownTraceTest {

    static final String SHA256 = "de4176a3efb8a7e0ced7eb06f5e9eda6c46807b6588b7de27b7b5ede3cca8356";

    static byte[] vector() throws IOException {
        try (InputStream in = KnownTraceTest.class.getResourceAsStream("/traces/fork-join.trace")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theVectorIsWhatRecordingProduces() throws IOException {
        byte[] vector = vector();
        assertEquals(SHA256, ContentHash.of(vector).hex());
        assertArrayEquals(vector, TraceCodec.encode(BuiltinScenarios.load("fork-join").run(Engines.REFERENCE).trace()));
    }

    @Test
    void theVectorDecodesCanonicallyAndVerifies() throws IOException, DecodeException {
        byte[] vector = vector();
        assertArrayEquals(vector, TraceCodec.encode(TraceCodec.decode(vector)));
        VerificationReport r = new TraceVerifier(Engines.REFERENCE).verify(vector);
        assertTrue(r.valid(), () -> r.failure().describe());
        assertEquals(SHA256, r.traceHash());
        assertEquals(6, r.hops().size());
        assertEquals("average_service", r.participants().get(3).calls().get(0).service());
        assertEquals("15.0", r.participants().get(3).calls().get(0).result());
    }
}
