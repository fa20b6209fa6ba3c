package dev.aurum.cli.devnet;

/**
 * A devnet run's parameters.
 *
 * @param peers      AquaVM peers registered on the chain (at least {@link Workload#MIN_PEERS})
 * @param particles  particles in the workload
 * @param difficulty a hop is golden with probability about 1/difficulty (at least 16: the registry caps the
 *                   target at 2^252 − 1)
 * @param seed       fixes the workload, the keys' labels and hence every hash of the run
 * @param verifiers  committee size; every verifier replays every bundle
 * @param quorum     verdicts needed to finalize a claim
 * @param epochs     chain epochs the particles are spread over (in order, equal shares); the chain clock moves
 *                   to the next epoch and {@code rollover()} seeds it between shares
 * @param claimsPerEpoch the registry's desired claims per epoch, which its ×¼..×4 retarget aims at
 */
public record DevnetConfig(int peers, int particles, long difficulty, long seed, int verifiers, int quorum, int epochs,
                           long claimsPerEpoch) {
    public static final int MAX_PEERS = 64;
    /** Epoch-0 claims must still be pending when the last epoch finalizes them (settlement window, §5). */
    public static final int MAX_EPOCHS = 4;
    public static final int MAX_PARTICLES = 100_000;

    public DevnetConfig {
        if (peers < Workload.MIN_PEERS || peers > MAX_PEERS) {
            throw new IllegalArgumentException("peers must be in [" + Workload.MIN_PEERS + ", " + MAX_PEERS + "]: " + peers);
        }
        if (particles < 1 || particles > MAX_PARTICLES) {
            throw new IllegalArgumentException("particles must be in [1, " + MAX_PARTICLES + "]: " + particles);
        }
        if (difficulty < 16) {
            throw new IllegalArgumentException("difficulty must be >= 16 (the largest target is 2^252 - 1): " + difficulty);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0");
        }
        if (verifiers < 1 || verifiers > 32 || quorum < 1 || quorum > verifiers) {
            throw new IllegalArgumentException("need 1 <= quorum <= verifiers <= 32");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS || epochs > particles) {
            throw new IllegalArgumentException("epochs must be in [1, " + MAX_EPOCHS + "] and at most the particles: " + epochs);
        }
        if (claimsPerEpoch < 1 || claimsPerEpoch > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("claims per epoch must be in [1, 2^32-1]: " + claimsPerEpoch);
        }
    }
}
