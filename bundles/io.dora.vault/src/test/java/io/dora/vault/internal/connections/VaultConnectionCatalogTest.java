package io.dora.vault.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;
import io.dora.vault.VaultEntry;
import io.dora.vault.Vaults;

/** Connection profiles in a real vault file: what goes in comes out, strictly, and secrets stay secret. */
class VaultConnectionCatalogTest {

    private static final SecretString MASTER = SecretString.of("master");

    @TempDir
    Path directory;
    private Vault vault;
    private VaultConnectionCatalog catalog;

    @BeforeEach
    void createVault() {
        vault = Vaults.open(new VaultConfig(directory.resolve("vault.dora"), new KdfParameters(64, 1, 1), Duration.ZERO));
        vault.create(MASTER);
        catalog = new VaultConnectionCatalog(vault);
    }

    private ConnectionProfile production() throws Exception {
        Path key = Files.writeString(directory.resolve("id_ed25519"), "key");
        var ssh = new SshSettings(List.of(
                new SshHop("bastion.example", 2222, "ops", new SshAuth.PrivateKey(key, SecretString.of("key-pass"))),
                new SshHop("db-gw", 0, "", new SshAuth.Password(SecretString.of("ssh-pass")))),
                HostKeyPolicy.STRICT, directory.resolve("known_hosts"), true, Duration.ofSeconds(30));
        var tls = new TlsSettings(TlsMode.VERIFY_FULL, directory.resolve("ca.pem"), directory.resolve("client.p12"), null,
                SecretString.of("tls-pass"));
        return new ConnectionProfile("Billing/EU", ConnectionSpec.builder("billing-prod", "postgres").name("Billing (prod)")
                .host("db.internal.example").port(5433).database("billing").user("reporter")
                .password(SecretString.of("db-pass")).options(Map.of("ApplicationName", "Dora-CI"))
                .environment(Environment.PRODUCTION).readOnly(true).ssh(ssh).tls(tls).build());
    }

    @Test
    void aProfileRoundTripsThroughTheVaultFile() throws Exception {
        ConnectionProfile saved = production();
        catalog.save(saved);
        vault.lock();
        vault.unlock(MASTER);

        ConnectionProfile loaded = new VaultConnectionCatalog(vault).find("billing-prod").orElseThrow();
        ConnectionSpec spec = loaded.spec();
        assertEquals("Billing/EU", loaded.folder());
        assertEquals(Environment.PRODUCTION, spec.environment());
        assertTrue(spec.readOnly());
        assertEquals(List.of("Billing (prod)", "postgres", "db.internal.example", 5433, "billing", "reporter"),
                List.of(spec.name(), spec.driverId(), spec.host(), spec.port(), spec.database(), spec.user()));
        assertEquals(Map.of("ApplicationName", "Dora-CI"), spec.options());
        assertEquals("db-pass", spec.password().revealAsString());
        assertEquals(saved.spec().tls().mode(), spec.tls().mode());
        assertEquals(saved.spec().tls().clientCertificate(), spec.tls().clientCertificate());
        assertEquals("tls-pass", spec.tls().keyPassword().revealAsString());
        assertEquals(saved.spec().pool(), spec.pool());
        SshSettings ssh = spec.ssh();
        assertEquals(HostKeyPolicy.STRICT, ssh.hostKeyPolicy());
        assertEquals(Duration.ofSeconds(30), ssh.keepAlive());
        assertTrue(ssh.useSshConfig());
        assertEquals(2222, ssh.hops().get(0).port());
        assertEquals("key-pass", ((SshAuth.PrivateKey) ssh.hops().get(0).auth()).passphrase().revealAsString());
        assertEquals("ssh-pass", ((SshAuth.Password) ssh.hops().get(1).auth()).password().revealAsString());
    }

    @Test
    void secretsAreVaultSecretsNotAttributesAndListingsCarryNone() throws Exception {
        catalog.save(production());
        VaultEntry entry = vault.get("connection", "billing-prod").orElseThrow();
        assertEquals(List.of("password", "ssh.0.passphrase", "ssh.1.password", "tls.keyPassword"),
                List.copyOf(entry.secrets().keySet()));
        for (String secret : List.of("db-pass", "key-pass", "ssh-pass", "tls-pass")) {
            assertFalse(entry.attributes().values().stream().anyMatch(value -> value.contains(secret)), secret);
        }

        ConnectionProfile listed = catalog.list().get(0);
        assertTrue(listed.spec().password().isEmpty());
        assertTrue(listed.spec().tls().keyPassword().isEmpty());
        assertEquals(Environment.PRODUCTION, listed.spec().environment());
    }

    @Test
    void aProfileWithoutEnvironmentOrReadOnlyIsRefusedNotDefaulted() {
        vault.put(VaultEntry.builder("connection", "tampered").attribute("driver", "postgres").attribute("host", "db")
                .attribute("environment", "prod").build());
        var error = assertThrows(InvalidInputException.class, () -> catalog.find("tampered"));
        assertEquals(List.of(
                "The saved connection 'tampered' cannot be used: readOnly: missing",
                "The saved connection 'tampered' cannot be used: environment: 'prod' cannot be used: Unknown environment"
                        + " 'prod': expected one of development, test, staging, production"), error.problems());
    }

    @Test
    void aLockedVaultIsATypedErrorTheUiCanAnswerWithAPasswordPrompt() {
        vault.lock();
        var error = assertThrows(DoraException.class, () -> catalog.find("billing-prod"));
        assertEquals(ErrorKind.CREDENTIALS_LOCKED, error.kind());
        assertEquals(ErrorKind.CREDENTIALS_LOCKED, assertThrows(DoraException.class, () -> catalog.list()).kind());
    }

    @Test
    void removesProfiles() throws Exception {
        catalog.save(production());
        assertTrue(catalog.remove("billing-prod"));
        assertFalse(catalog.remove("billing-prod"));
        assertTrue(catalog.find("billing-prod").isEmpty());
    }
}
