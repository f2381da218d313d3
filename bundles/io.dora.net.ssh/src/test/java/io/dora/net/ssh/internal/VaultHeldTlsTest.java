package io.dora.net.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.secret.SecretString;
import io.dora.driver.mysql.internal.MySqlDriver;
import io.dora.driver.postgres.internal.PostgresDriver;
import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;
import io.dora.vault.Vaults;
import io.dora.vault.internal.connections.ConnectionsCliCommand;
import io.dora.vault.internal.connections.VaultConnectionCatalog;

/**
 * Certificates and keys imported into a real vault and used from there, opened by id against PostgreSQL
 * ({@code cert clientcert=verify-full}) and MariaDB ({@code REQUIRE X509}): what a driver can only read from
 * disk is written owner-only and gone after close, and no certificate, key or key password reaches a log line,
 * an error message or a {@code toString()}.
 */
class VaultHeldTlsTest {

    private static final SecretString MASTER = SecretString.of("master");
    private static TestPki pki;
    private static TlsPostgres postgres;
    private static TlsMariaDb mariadb;

    @TempDir
    Path directory;
    private Vault vault;
    private final DriverRegistryService engine = new DriverRegistryService();
    private final QueryManagerService queries = new QueryManagerService();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger pool = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
    private Level rootLevel;
    private Level poolLevel;

    @BeforeAll
    static void startServers() {
        pki = TestPki.create(TlsPostgres.CERT_USER, TlsMariaDb.X509_USER);
        postgres = TlsPostgres.start(pki);
        mariadb = TlsMariaDb.start(pki);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable server : new AutoCloseable[] { postgres, mariadb }) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void vaultAndEngine() {
        vault = Vaults.open(new VaultConfig(directory.resolve("vault.dora"), new KdfParameters(64, 1, 1), Duration.ZERO));
        vault.create(MASTER);
        engine.addCatalog(new VaultConnectionCatalog(vault));
        engine.addDriver(new PostgresDriver());
        engine.addDriver(new MySqlDriver());
        // everything Dora and the client libraries log while the material is in use, down to DEBUG
        rootLevel = root.getLevel();
        poolLevel = pool.getLevel();
        root.setLevel(Level.DEBUG);
        pool.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void closeEverything() {
        engine.openConnections().forEach(DatabaseConnection::close);
        queries.shutdown();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        pool.setLevel(poolLevel);
    }

    @Test
    void postgresWithCertificateAndKeyImportedByTheCli() throws Exception {
        int exit = cli("add", "--id", "pg-vault", "--driver", "postgres", "--host", "localhost", "--port",
                Integer.toString(postgres.port()), "--database", "postgres", "--user", TlsPostgres.CERT_USER,
                "--environment", "development", "--tls", "verify-full", "--tls-ca", pki.file("ca.crt").toString(),
                "--tls-cert", pki.file("certuser.crt").toString(), "--tls-key", pki.file("certuser.pk8.pem").toString(),
                "--import-tls");
        assertEquals(CliExit.OK, exit);
        vault.unlock(MASTER);
        assertTrue(new VaultConnectionCatalog(vault).find("pg-vault").orElseThrow().spec().tls().holdsInlineMaterial());

        List<Path> before = privateTlsFolders();
        DatabaseConnection connection = engine.connectById("pg-vault");
        assertEquals(TlsPostgres.CERT_USER, scalar(connection, "SELECT current_user"));
        assertEquals(true, scalar(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        Path folder = onlyNewFolder(before);
        assertOwnerOnly(folder);
        connection.close();
        assertTrue(Files.notExists(folder), "the private files are deleted on close");
        assertNothingSecretIn(logText() + connection.spec(), "certuser");
    }

    @Test
    void mariadbWithAnEncryptedPkcs12BundleHeldInTheVault() throws Exception {
        vault.unlock(MASTER);
        saveMariaDb("mdb-vault", "x509user.p12", null, TestPki.KEY_PASSWORD);
        List<Path> before = privateTlsFolders();
        DatabaseConnection connection = engine.connectById("mdb-vault");
        assertEquals("x509user@%", scalar(connection, "SELECT current_user()"));
        Path folder = onlyNewFolder(before);
        assertOwnerOnly(folder);
        connection.close();
        assertTrue(Files.notExists(folder), "the private files are deleted on close");
        assertNothingSecretIn(logText() + connection.spec(), "x509user");
    }

    @Test
    void aWrongKeyPasswordSaysSoWithoutShowingTheKeyOrThePassword() throws Exception {
        vault.unlock(MASTER);
        saveMariaDb("mdb-wrong", "x509user.crt", "x509user.enc.pem", "not-the-" + TestPki.KEY_PASSWORD);
        List<Path> before = privateTlsFolders();
        TlsException failure = assertThrows(TlsException.class, () -> engine.connectById("mdb-wrong"));
        assertEquals(TlsException.Failure.BAD_FILES, failure.failure(), failure.getMessage());
        assertTrue(failure.getMessage().contains("(held in the vault)"), failure.getMessage());
        assertEquals(before, privateTlsFolders(), "nothing is left on disk after a failed connect");
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(cause).append('\n');
        }
        assertNothingSecretIn(chain + logText(), "x509user");
        assertFalse(chain.toString().contains("not-the-" + TestPki.KEY_PASSWORD), chain.toString());
    }

    private void saveMariaDb(String id, String certificate, String key, String password) throws Exception {
        var tls = TlsSettings.of(TlsMode.VERIFY_FULL, inline("ca.crt"), inline(certificate),
                key == null ? null : inline(key), SecretString.of(password));
        new VaultConnectionCatalog(vault).save(new ConnectionProfile("", ConnectionSpec.builder(id, "mysql")
                .host("localhost").port(mariadb.port()).database("test").user(TlsMariaDb.X509_USER)
                .environment(Environment.DEVELOPMENT).tls(tls).build()));
    }

    private static TlsMaterial inline(String file) throws Exception {
        return TlsMaterial.Inline.of(Files.readAllBytes(pki.file(file)));
    }

    private int cli(String... args) throws Exception {
        var context = new CommandContext(List.of(args), new ByteArrayInputStream("master\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), directory);
        vault.lock();
        return new ConnectionsCliCommand(vault, engine).run(context);
    }

    private Object scalar(DatabaseConnection connection, String sql) throws InterruptedException {
        try (Session session = connection.openSession()) {
            ResultCollector result = new ResultCollector(10);
            QueryOutcome outcome = queries.execute(session, QueryRequest.of(sql), result);
            outcome.failure().ifPresent(failure -> {
                throw failure;
            });
            return result.scalar();
        }
    }

    private String logText() {
        return logs.list.stream().map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : ThrowableProxyUtil.asString(event.getThrowableProxy()))).collect(Collectors.joining("\n"));
    }

    /** No line of any PEM file of the user (certificate, key, CA), and not the key password. */
    private static void assertNothingSecretIn(String text, String user) throws Exception {
        assertTrue(text.contains("Connected '") || text.contains("cannot be read"), "the logs were captured: " + text);
        assertFalse(text.contains("-----BEGIN"), "PEM armour in: " + text);
        assertFalse(text.contains(TestPki.KEY_PASSWORD), "the key password in: " + text);
        for (String file : List.of("ca.crt", user + ".crt", user + ".pk8.pem", user + ".enc.pem")) {
            for (String line : Files.readAllLines(pki.file(file))) {
                if (!line.startsWith("-----") && line.length() > 20) {
                    assertFalse(text.contains(line), "a line of " + file + " in: " + text);
                }
            }
        }
    }

    private static void assertOwnerOnly(Path folder) throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        try (var files = Files.walk(folder)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertFalse(written.isEmpty(), "the driver needed files");
            for (Path file : written) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file.toString());
            }
        }
    }

    private static Path onlyNewFolder(List<Path> before) throws Exception {
        List<Path> during = privateTlsFolders();
        during.removeAll(before);
        assertEquals(1, during.size(), during.toString());
        return during.get(0);
    }

    private static List<Path> privateTlsFolders() throws Exception {
        try (var paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new ArrayList<>(paths.filter(p -> p.getFileName().toString().startsWith("dora-tls")).toList());
        }
    }
}
