package io.dora.vault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a vault lives and how it behaves.
 *
 * @param file          the vault file
 * @param kdf           Argon2id parameters for new master keys
 * @param autoLockAfter idle time after which the vault locks itself; {@link Duration#ZERO} never locks
 */
public record VaultConfig(Path file, KdfParameters kdf, Duration autoLockAfter) {

    /** System property that moves the vault file (a path). */
    public static final String FILE_PROPERTY = "dora.vault.file";
    public static final Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(15);

    public VaultConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kdf, "kdf");
        if (autoLockAfter == null || autoLockAfter.isNegative()) {
            throw new IllegalArgumentException("autoLockAfter must be zero or positive: " + autoLockAfter);
        }
    }

    /** The default file, the default key derivation and a 15 minute auto-lock. */
    public static VaultConfig defaults() {
        return new VaultConfig(defaultFile(), KdfParameters.DEFAULT, DEFAULT_AUTO_LOCK);
    }

    /**
     * The system property {@value #FILE_PROPERTY} when set, otherwise {@code ~/.dora/vault.dora}: one vault
     * per user, shared by all of the user's workspaces.
     */
    public static Path defaultFile() {
        String configured = System.getProperty(FILE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".dora", "vault.dora");
    }

    public VaultConfig withFile(Path newFile) {
        return new VaultConfig(newFile, kdf, autoLockAfter);
    }

    public VaultConfig withKdf(KdfParameters newKdf) {
        return new VaultConfig(file, newKdf, autoLockAfter);
    }

    public VaultConfig withAutoLockAfter(Duration idle) {
        return new VaultConfig(file, kdf, idle);
    }
}
