package dev.aurum.proofs.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded mutation fuzzing of {@link TraceCodec#decode}: every input either decodes to a
 * trace that re-encodes to the same bytes, or fails with a {@link DecodeException}; nothing else escapes.
 */
class TraceDecoderFuzzTest {

    private static final int ITERATIONS = 8_000;

    @Test
    void mutatedTracesOnlyFailWithDecodeException() {
        byte[] seed = TraceCodec.encode(SampleTraces.twoHops());
        Random random = new Random(0x5eed7aceL);
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seed, random);
            try {
                SignedTrace t = TraceCodec.decode(input);
                assertArrayEquals(input, TraceCodec.encode(t), "accepted input must be canonical");
                accepted++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("trace:"), expected.getMessage());
            }
        }
        // mutations that keep a valid canonical trace exist (e.g. changed signature bytes) but are rare
        assertTrue(accepted < ITERATIONS / 2, "accepted " + accepted);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(4);
        switch (kind) {
            case 0 -> { // flip bits
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // random byte values, favouring CBOR heads
                int at = random.nextInt(b.length);
                int[] heads = {0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x5f, 0x7f, 0x9f, 0xbf, 0xff, 0xf6, 0xf9, 0xfb, 0xc0};
                b[at] = (byte) (random.nextBoolean() ? heads[random.nextInt(heads.length)] : random.nextInt(256));
            }
            case 2 -> { // truncate
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            default -> { // splice a chunk from elsewhere
                int len = 1 + random.nextInt(16);
                int from = random.nextInt(Math.max(1, b.length - len));
                int to = random.nextInt(Math.max(1, b.length - len));
                System.arraycopy(seed, from, b, to, Math.min(len, b.length - to));
            }
        }
        return b;
    }
}
