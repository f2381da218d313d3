package io.dora.vault.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;
import io.dora.vault.VaultConfig;
import io.dora.vault.VaultEntry;

/** Shared test fixtures: cheap key derivation, so the tests spend their time on the behaviour. */
final class TestVaults {

    static final KdfParameters CHEAP_KDF = new KdfParameters(64, 1, 1);
    static final String PASSWORD = "correct horse battery staple";
    static final String DB_PASSWORD = "pg-s3cret-Ü-\"quoted\"";

    private TestVaults() {
    }

    static VaultConfig config(Path directory) {
        return new VaultConfig(directory.resolve("vault.dora"), CHEAP_KDF, Duration.ZERO);
    }

    static SecretString password() {
        return SecretString.of(PASSWORD);
    }

    static VaultEntry connection(String id) {
        return VaultEntry.builder("connection", id)
                .attribute("host", "db.internal.example")
                .attribute("port", "5432")
                .attribute("environment", "production")
                .secret("password", SecretString.of(DB_PASSWORD))
                .secret("ssh-passphrase", SecretString.of("ssh-" + id))
                .build();
    }
}
