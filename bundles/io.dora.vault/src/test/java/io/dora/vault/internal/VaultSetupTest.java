package io.dora.vault.internal;

import static io.dora.vault.internal.TestVaults.config;
import static io.dora.vault.internal.TestVaults.password;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;
import io.dora.vault.Vaults;

/** Where the vault lives, how it is configured, and who may read it. */
class VaultSetupTest {

    @TempDir
    Path directory;

    @Test
    void createsItsDirectoryAndFilesForTheOwnerOnly() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = directory.resolve("home/.dora/vault.dora");
        Vault vault = Vaults.open(config(directory).withFile(file));
        vault.create(password());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("vault.dora.lock"))));
    }

    @Test
    void theDefaultFileIsTheUsersUnlessTheSystemPropertyMovesIt() {
        String previous = System.getProperty(VaultConfig.FILE_PROPERTY);
        try {
            System.clearProperty(VaultConfig.FILE_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".dora", "vault.dora"), VaultConfig.defaultFile());
            System.setProperty(VaultConfig.FILE_PROPERTY, directory.resolve("elsewhere.dora").toString());
            assertEquals(directory.resolve("elsewhere.dora"), VaultConfig.defaults().file());
        } finally {
            if (previous == null) {
                System.clearProperty(VaultConfig.FILE_PROPERTY);
            } else {
                System.setProperty(VaultConfig.FILE_PROPERTY, previous);
            }
        }
    }

    @Test
    void theComponentConfigurationNamesFileAndAutoLock() {
        VaultConfig configured = VaultComponent.toVaultConfig(componentConfig(directory.resolve("team.dora").toString(), 5));
        assertEquals(directory.resolve("team.dora"), configured.file());
        assertEquals(Duration.ofMinutes(5), configured.autoLockAfter());
        assertEquals(KdfParameters.DEFAULT, configured.kdf());
        assertEquals(VaultConfig.defaultFile(), VaultComponent.toVaultConfig(componentConfig("", 15)).file());
    }

    @Test
    void refusesKeyDerivationParametersOutOfBounds() {
        assertThrows(IllegalArgumentException.class, () -> new KdfParameters(8, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new KdfParameters(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new KdfParameters(KdfParameters.MAX_MEMORY_KIB + 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config(directory).withAutoLockAfter(Duration.ofSeconds(-1)));
    }

    private static VaultComponent.Config componentConfig(String file, long autoLockMinutes) {
        return new VaultComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VaultComponent.Config.class;
            }

            @Override
            public String file() {
                return file;
            }

            @Override
            public long autoLockMinutes() {
                return autoLockMinutes;
            }
        };
    }
}
