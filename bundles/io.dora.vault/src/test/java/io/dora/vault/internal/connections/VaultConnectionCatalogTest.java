package io.dora.vault.internal.connections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
import io.dora.core.net.TlsMaterial;
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

    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUTestCaContent\n-----END CERTIFICATE-----\n";
    private static final byte[] PKCS12 = { 0x30, (byte) 0x82, 0x0a, 0x11, 0x02, 0x01, 0x03, (byte) 0xfe };

    private ConnectionProfile withImportedTls() {
        var tls = TlsSettings.of(TlsMode.VERIFY_CA, new TlsMaterial.Inline(SecretString.of(CA_PEM)),
                TlsMaterial.Inline.of(PKCS12), null, SecretString.of("tls-pass"));
        return new ConnectionProfile("", ConnectionSpec.builder("pg-imported", "postgres").host("db.example")
                .environment(Environment.TEST).readOnly(false).tls(tls).build());
    }

    @Test
    void importedTlsMaterialRoundTripsAsVaultSecretsNeverAsAttributes() throws Exception {
        catalog.save(withImportedTls());
        vault.lock();
        assertFalse(new String(Files.readAllBytes(vault.file()), StandardCharsets.ISO_8859_1).contains("BEGIN"));
        vault.unlock(MASTER);

        TlsSettings tls = catalog.find("pg-imported").orElseThrow().spec().tls();
        assertEquals(TlsMode.VERIFY_CA, tls.mode());
        assertEquals(new TlsMaterial.Inline(SecretString.of(CA_PEM)), tls.ca());
        assertArrayEquals(PKCS12, tls.certificate().read());
        assertNull(tls.key());
        assertEquals("tls-pass", tls.keyPassword().revealAsString());

        VaultEntry entry = vault.get("connection", "pg-imported").orElseThrow();
        assertEquals(List.of("tls.caCertificate.content", "tls.clientCertificate.content", "tls.keyPassword"),
                List.copyOf(entry.secrets().keySet()));
        assertFalse(entry.attributes().keySet().stream().anyMatch(name -> name.startsWith("tls.c")),
                entry.attributes().toString());
        assertFalse(entry.attributes().values().stream().anyMatch(value -> value.contains("BEGIN")
                || value.contains(Base64.getEncoder().encodeToString(PKCS12))));

        TlsSettings listed = catalog.list().get(0).spec().tls();
        assertTrue(listed.ca() instanceof TlsMaterial.Inline inline && inline.content().isEmpty(),
                "a listing shows that the CA is held in the vault, not what it is");
        assertEquals("TlsSettings[mode=VERIFY_CA, ca=(held in the vault), certificate=(held in the vault), key=null,"
                + " keyPassword=******]", tls.toString());
    }

    @Test
    void damagedTlsMaterialIsRefusedWithoutQuotingIt() {
        vault.put(VaultEntry.builder("connection", "damaged").attribute("driver", "postgres").attribute("host", "db")
                .attribute("environment", "test").attribute("readOnly", "false").attribute("tls.mode", "verify_ca")
                .attribute("tls.caCertificate", "/etc/ssl/ca.pem")
                .secret("tls.caCertificate.content", SecretString.of(CA_PEM))
                .secret("tls.clientCertificate.content", SecretString.of("private stuff!")).build());
        var error = assertThrows(InvalidInputException.class, () -> catalog.find("damaged"));
        assertEquals(List.of(
                "The saved connection 'damaged' cannot be used: tls.caCertificate: both a file and content held in the"
                        + " vault; keep one",
                "The saved connection 'damaged' cannot be used: tls.clientCertificate.content: neither PEM nor base64"),
                error.problems());
        assertFalse(error.getMessage().contains("private stuff"));
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
