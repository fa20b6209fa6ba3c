package dev.aurum.proofs.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.protocol.Target;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded mutation fuzzing of {@link ProofBundleCodec#decode}: every input decodes to a bundle that
 * re-encodes to the same bytes or fails with a {@link DecodeException}; nothing else escapes.
 */
class ProofBundleDecoderFuzzTest {

    private static final int ITERATIONS = 3_000;

    @Test
    void mutatedBundlesOnlyFailWithDecodeException() {
        MinedParticles.Mined chain = MinedParticles.run("chain", Target.oneIn(2));
        byte[] seed = ProofBundleCodec.encode(Miner.bundle(chain.ticket(), chain.clientSig(), chain.trace(),
                chain.receipts(), 1));
        Random random = new Random(0xb0d1eL);
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seed, random);
            try {
                ProofBundle b = ProofBundleCodec.decode(input);
                assertArrayEquals(input, ProofBundleCodec.encode(b), "accepted input must be canonical");
                accepted++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("proof-bundle:"), expected.getMessage());
            }
        }
        assertTrue(accepted < ITERATIONS / 2, "accepted " + accepted);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int[] heads = {0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x5f, 0x7f, 0x9f, 0xbf, 0xff, 0xf6, 0xf9, 0xfb, 0xc0};
                b[random.nextInt(b.length)] = (byte) (random.nextBoolean() ? heads[random.nextInt(heads.length)]
                        : random.nextInt(256));
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            default -> {
                int len = 1 + random.nextInt(16);
                int from = random.nextInt(Math.max(1, b.length - len));
                int to = random.nextInt(Math.max(1, b.length - len));
                System.arraycopy(seed, from, b, to, Math.min(len, b.length - to));
            }
        }
        return b;
    }
}
