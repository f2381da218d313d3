package io.dora.vault.internal.connections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;
import io.dora.vault.Vaults;

class ConnectionsCliCommandTest {

    @TempDir
    Path directory;
    private Vault vault;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void vaultWithTwoConnections() {
        vault = Vaults.open(new VaultConfig(directory.resolve("vault.dora"), new KdfParameters(64, 1, 1), Duration.ZERO));
        vault.create(SecretString.of("master"));
        var catalog = new VaultConnectionCatalog(vault);
        catalog.save(new ConnectionProfile("Finance", ConnectionSpec.builder("billing", "postgres").host("db.example").port(5432)
                .database("billing").password(SecretString.of("db-pass")).environment(Environment.PRODUCTION).readOnly(true).build()));
        catalog.save(new ConnectionProfile("", ConnectionSpec.builder("local", "sqlite").database("/tmp/local.db")
                .environment(Environment.DEVELOPMENT).build()));
        vault.lock();
    }

    private int run(Map<String, String> variables, String stdin, String... args) throws Exception {
        var context = new CommandContext(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), directory);
        return new ConnectionsCliCommand(vault, spec -> spec.host().equals("bad host") ? List.of("The host is bad") : List.of(),
                variables).run(context);
    }

    @Test
    void listsTheSavedConnectionsWithoutSecretsAndLocksAgain() throws Exception {
        assertEquals(CliExit.OK, run(Map.of(), "master\n", "list"));
        assertEquals("billing\tproduction\tread-only\tpostgres\tdb.example:5432/billing\tFinance\n"
                + "local\tdevelopment\tread-write\tsqlite\t/tmp/local.db\t\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("db-pass"));
        assertTrue(vault.isLocked());
    }

    @Test
    void removesAConnectionWithThePasswordFromTheEnvironment() throws Exception {
        assertEquals(CliExit.OK, run(Map.of(ConnectionsCliCommand.PASSWORD_VARIABLE, "master"), "", "remove", "local"));
        assertEquals(CliExit.NEGATIVE, run(Map.of(ConnectionsCliCommand.PASSWORD_VARIABLE, "master"), "", "remove", "local"));
    }

    @Test
    void addsAValidatedConnectionWithItsPasswordFromTheEnvironmentAndAnExplicitEnvironment() throws Exception {
        var variables = Map.of(ConnectionsCliCommand.PASSWORD_VARIABLE, "master",
                ConnectionsCliCommand.CONNECTION_PASSWORD_VARIABLE, "db-secret");
        assertEquals(CliExit.OK, run(variables, "", "add", "--id", "reports", "--driver", "mysql", "--host", "db.example",
                "--port", "3306", "--database", "shop", "--user", "ro", "--environment", "staging", "--read-only",
                "--folder", "Shop", "--option", "useSSL=true"));
        vault.unlock(SecretString.of("master"));
        var spec = new VaultConnectionCatalog(vault).find("reports").orElseThrow().spec();
        assertEquals(Environment.STAGING, spec.environment());
        assertTrue(spec.readOnly());
        assertEquals("db-secret", spec.password().revealAsString());
        assertEquals(Map.of("useSSL", "true"), spec.options());
        vault.lock();

        assertEquals(CliExit.USAGE, run(variables, "", "add", "--id", "x", "--driver", "mysql", "--host", "h"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs --id, --driver and --environment"));
        assertEquals(CliExit.USAGE, run(variables, "", "add", "--id", "x", "--driver", "mysql", "--environment", "prod"));
        assertEquals(CliExit.USAGE, run(variables, "", "add", "--id", "x", "--driver", "mysql", "--environment", "test",
                "--host", "bad host"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("invalid: The host is bad"));
    }

    @Test
    void addImportsTlsFilesIntoTheVaultWithTheKeyPasswordFromTheEnvironment() throws Exception {
        String caPem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUcliTest\n-----END CERTIFICATE-----\n";
        byte[] bundle = { 0x30, (byte) 0x82, 0x05, 0x01, (byte) 0x99 };
        Path ca = Files.writeString(directory.resolve("ca.pem"), caPem);
        Path p12 = Files.write(directory.resolve("client.p12"), bundle);
        var variables = Map.of(ConnectionsCliCommand.PASSWORD_VARIABLE, "master",
                ConnectionsCliCommand.TLS_KEY_PASSWORD_VARIABLE, "p12-secret");
        assertEquals(CliExit.OK, run(variables, "", "add", "--id", "imported", "--driver", "postgres", "--host", "db",
                "--environment", "test", "--tls", "verify-full", "--tls-ca", ca.toString(), "--tls-cert", p12.toString(),
                "--import-tls"));
        Files.delete(ca);
        Files.delete(p12);
        vault.unlock(SecretString.of("master"));
        var tls = new VaultConnectionCatalog(vault).find("imported").orElseThrow().spec().tls();
        assertEquals(TlsMode.VERIFY_FULL, tls.mode());
        assertEquals(new TlsMaterial.Inline(SecretString.of(caPem)), tls.ca(), "PEM is kept as text");
        assertArrayEquals(bundle, tls.certificate().read());
        assertEquals("p12-secret", tls.keyPassword().revealAsString());
        vault.lock();
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("p12-secret") || printed.contains("BEGIN"), printed);
    }

    @Test
    void addReferencesTlsFilesByAbsolutePathWithoutImport() throws Exception {
        Path ca = Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        var variables = Map.of(ConnectionsCliCommand.PASSWORD_VARIABLE, "master");
        assertEquals(CliExit.OK, run(variables, "", "add", "--id", "referenced", "--driver", "postgres", "--host", "db",
                "--environment", "test", "--tls", "verify-ca", "--tls-ca", ca.toString()));
        vault.unlock(SecretString.of("master"));
        var tls = new VaultConnectionCatalog(vault).find("referenced").orElseThrow().spec().tls();
        assertEquals(new TlsMaterial.FromFile(ca.toAbsolutePath()), tls.ca());
        vault.lock();

        assertEquals(CliExit.USAGE, run(variables, "", "add", "--id", "x", "--driver", "postgres", "--host", "db",
                "--environment", "test", "--tls", "verify-ca", "--tls-ca", directory.resolve("missing.pem").toString(),
                "--import-tls"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tls-ca " + directory.resolve("missing.pem")
                + " cannot be read"), err.toString(StandardCharsets.UTF_8));
        assertEquals(CliExit.USAGE, run(variables, "", "add", "--id", "x", "--driver", "postgres", "--host", "db",
                "--environment", "test", "--tls", "sometimes"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tls needs disable, allow, prefer, require"));
    }

    @Test
    void initCreatesTheVaultOnce(@TempDir Path elsewhere) throws Exception {
        vault = Vaults.open(new VaultConfig(elsewhere.resolve("new.dora"), new KdfParameters(64, 1, 1), Duration.ZERO));
        assertEquals(CliExit.OK, run(Map.of(), "fresh master\n", "init"));
        assertTrue(vault.exists() && vault.isLocked());
        vault.unlock(SecretString.of("fresh master"));
        vault.lock();
        assertEquals(CliExit.FAILURE, run(Map.of(), "again\n", "init"));
    }

    @Test
    void aWrongPasswordIsAClearFailure() throws Exception {
        assertEquals(CliExit.FAILURE, run(Map.of(), "wrong\n", "list"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("vault: The master password does not open the vault"));
        assertEquals(CliExit.USAGE, run(Map.of(), "", "show"));
    }
}
