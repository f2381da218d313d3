package io.dora.vault;

/**
 * Argon2id cost parameters of the master key derivation. They are stored in the vault file's header, so a
 * vault keeps opening with the parameters it was written with; new keys (create, change of master
 * password) use the parameters of the {@link VaultConfig}.
 *
 * <p>The bounds keep a forged header from making an unlock allocate unbounded memory or spin forever.
 *
 * @param memoryKiB   memory cost in KiB, at least 8 per lane
 * @param iterations  number of passes over the memory
 * @param parallelism number of lanes
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    /**
     * 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option with one lane, because BouncyCastle
     * computes the lanes one after another (more lanes would cost time without adding hardness here).
     * About 0.3 s on one core of the development machines; docs/vault.md has the measurement.
     */
    public static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 3, 1);

    public KdfParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1.." + MAX_PARALLELISM + ": " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be 1.." + MAX_ITERATIONS + ": " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be 8 KiB per lane.." + MAX_MEMORY_KIB + " KiB: " + memoryKiB);
        }
    }
}
