package dev.aurum.aquavm.rkyv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded mutation fuzzing of the rkyv decoder over the real fixtures and their canonical
 * re-encodings: every mutant must either decode (and then survive a re-encode/decode round trip) or
 * fail with a {@link DecodeException}. Anything else (an unchecked exception, an OutOfMemoryError) fails.
 */
class RkyvFuzzTest {

    private static final long SEED = 0x5EED_2026_0AF1L;
    private static final int MUTANTS_PER_INPUT = 150;

    @Test
    void mutantsDecodeOrFailWithATypedError() throws DecodeException {
        List<byte[]> inputs = new ArrayList<>();
        for (Fixtures.Sample s : Fixtures.samples()) {
            inputs.add(s.innerData());
            inputs.add(InterpreterDataRkyv.encode(InterpreterDataRkyv.decode(s.innerData())));
        }
        Random random = new Random(SEED);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < inputs.size(); i++) {
            for (int m = 0; m < MUTANTS_PER_INPUT; m++) {
                byte[] mutant = mutate(inputs.get(i), random);
                try {
                    InterpreterData d = InterpreterDataRkyv.decode(mutant);
                    assertEquals(d, InterpreterDataRkyv.decode(InterpreterDataRkyv.encode(d)));
                    decoded++;
                } catch (DecodeException e) {
                    assertEquals("rkyv", e.format());
                    assertTrue(e.offset() >= 0 && e.offset() <= mutant.length, e.getMessage());
                    rejected++;
                } catch (RuntimeException | Error e) {
                    fail("input " + i + " mutant " + m + " (seed " + SEED + "): " + e + " on " + Fixtures.hex(mutant), e);
                }
            }
        }
        // Both outcomes must actually occur, or the fuzzer is not exploring anything.
        assertTrue(decoded > 100, "decoded " + decoded);
        assertTrue(rejected > 1000, "rejected " + rejected);
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(7)) {
            case 0: { // bit flips
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int bit = r.nextInt(b.length * 8);
                    b[bit >> 3] ^= (byte) (1 << (bit & 7));
                }
                return b;
            }
            case 1: // random byte
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                return b;
            case 2: // truncation at either end (the root is found from the end)
                return r.nextBoolean() ? Arrays.copyOf(b, r.nextInt(b.length))
                        : Arrays.copyOfRange(b, 1 + r.nextInt(b.length - 1), b.length);
            case 3: { // length / offset inflation in an aligned big-endian word
                int at = r.nextInt(b.length / 4) * 4;
                long[] choices = {0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, b.length, 1L << 20, r.nextInt(64)};
                long v = r.nextInt(3) == 0 ? (word(b, at) + r.nextInt(64) - 32) : choices[r.nextInt(choices.length)];
                setWord(b, at, v);
                return b;
            }
            case 4: { // redirect a pointer-looking word to a nearby earlier offset
                int at = r.nextInt(b.length / 4) * 4;
                setWord(b, at, -(1 + r.nextInt(Math.min(at + 1, 256))));
                return b;
            }
            case 5: { // splice a chunk over another place
                int len = 1 + r.nextInt(Math.min(16, b.length));
                int from = r.nextInt(b.length - len + 1);
                int to = r.nextInt(b.length - len + 1);
                System.arraycopy(in, from, b, to, len);
                return b;
            }
            default: { // a string's inline/out-of-line flag byte
                int at = r.nextInt(b.length / 8) * 8 + 7;
                b[Math.min(at, b.length - 1)] ^= (byte) 0x80;
                return b;
            }
        }
    }

    private static long word(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void setWord(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
