package io.dora.net.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.ErrorKind;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelException;
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.secret.SecretString;
import io.dora.driver.mysql.internal.MySqlDriver;
import io.dora.driver.postgres.internal.PostgresDriver;

/**
 * The connection engine end to end: PostgreSQL ({@code cert clientcert=verify-full}) and MariaDB
 * ({@code REQUIRE X509}) with client certificates in every key format, directly and through SSH tunnels, every
 * TLS failure typed, and a tunnel that heals after its sshd was killed.
 */
class EngineTlsAndTunnelTest {

    private static TestPki pki;
    private static TlsPostgres postgres;
    private static TlsMariaDb mariadb;
    private static OpenSshServer sshd;
    private static Path knownHosts;
    private final DriverRegistryService engine = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private final JschTunnelBackend tunnels = new JschTunnelBackend(
            new SshEnvironment(Path.of(System.getProperty("java.io.tmpdir"), "dora-no-ssh-dir"), null),
            new RefusingHostKeyConfirmation());

    @BeforeAll
    static void startServers() throws Exception {
        pki = TestPki.create(TlsPostgres.CERT_USER, TlsMariaDb.X509_USER);
        postgres = TlsPostgres.start(pki);
        mariadb = TlsMariaDb.start(pki);
        sshd = OpenSshServer.start("");
        knownHosts = OpenSshServer.knownHosts(sshd);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable server : new AutoCloseable[] { postgres, mariadb, sshd }) {
            if (server != null) {
                server.close();
            }
        }
    }

    EngineTlsAndTunnelTest() {
        engine.addDriver(new PostgresDriver());
        engine.addDriver(new MySqlDriver());
        engine.setTunnelBackend(tunnels);
    }

    @AfterEach
    void closeEverything() {
        engine.openConnections().forEach(DatabaseConnection::close);
        queries.shutdown();
        assertEquals(0, tunnels.openTunnels(), "every tunnel closes with its last connection");
    }

    private static TlsSettings tls(TlsMode mode, String ca, String certificate, String key, String password) {
        return new TlsSettings(mode, ca == null ? null : pki.file(ca), certificate == null ? null : pki.file(certificate),
                key == null ? null : pki.file(key), password == null ? SecretString.empty() : SecretString.of(password));
    }

    private static ConnectionSpec.Builder postgres(String host, TlsSettings tls) {
        return ConnectionSpec.builder("pg-tls", "postgres").host(host).port(postgres.port()).database("postgres")
                .user(TlsPostgres.CERT_USER).tls(tls);
    }

    private static ConnectionSpec.Builder mariadb(String host, TlsSettings tls) {
        return ConnectionSpec.builder("mdb-tls", "mysql").host(host).port(mariadb.port()).database("test")
                .user(TlsMariaDb.X509_USER).tls(tls);
    }

    private static SshSettings viaSsh() {
        return new SshSettings(List.of(new SshHop("127.0.0.1", sshd.port(), OpenSshServer.USER,
                new SshAuth.Password(SecretString.of(OpenSshServer.PASSWORD)))), HostKeyPolicy.STRICT, knownHosts,
                false, Duration.ofSeconds(5));
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

    @ParameterizedTest(name = "PostgreSQL client key {2}")
    @CsvSource({ "certuser.crt, certuser.rsa.pem,,", "certuser.crt, certuser.pk8.pem,,",
            "certuser.crt, certuser.enc.pem, " + TestPki.KEY_PASSWORD + ",",
            "certuser.p12,, " + TestPki.KEY_PASSWORD + "," })
    void postgresClientCertificateInEveryFormat(String certificate, String key, String password) throws Exception {
        DatabaseConnection connection = engine.connect(postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", certificate, key, password)).build());
        assertEquals(TlsPostgres.CERT_USER, scalar(connection, "SELECT current_user"));
        assertEquals(true, scalar(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    @Test
    void convertedKeysAreOwnerOnlyAndDeletedOnClose() throws Exception {
        List<Path> before = privateTlsFolders();
        DatabaseConnection connection = engine.connect(postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "certuser.crt", "certuser.rsa.pem", null)).build());
        List<Path> during = privateTlsFolders();
        during.removeAll(before);
        assertEquals(1, during.size(), during.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(during.get(0))));
        try (var files = Files.list(during.get(0))) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        connection.close();
        assertTrue(Files.notExists(during.get(0)));
    }

    private static List<Path> privateTlsFolders() throws Exception {
        try (var paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new java.util.ArrayList<>(paths.filter(p -> p.getFileName().toString().startsWith("dora-tls"))
                    .toList());
        }
    }

    @Test
    void postgresThroughTheTunnelWithClientCertificate() throws Exception {
        DatabaseConnection connection = engine.connect(postgres("localhost",
                tls(TlsMode.VERIFY_CA, "ca.crt", "certuser.p12", null, TestPki.KEY_PASSWORD)).ssh(viaSsh()).build());
        assertEquals("localhost", connection.spec().host(), "the user's spec, not the tunnel's port");
        assertEquals(TlsPostgres.CERT_USER, scalar(connection, "SELECT current_user"));
        assertEquals(true, scalar(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    @Test
    void verifyFullThroughATunnelChecksTheLocalEndpoint() {
        TlsException failure = assertThrows(TlsException.class, () -> engine.connect(postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "certuser.p12", null, TestPki.KEY_PASSWORD)).ssh(viaSsh()).build()));
        assertEquals(TlsException.Failure.HOSTNAME_MISMATCH, failure.failure(), failure.getMessage());
    }

    @Test
    void tunnelKilledMidSessionIsRebuiltAndTheNextQuerySucceeds() throws Exception {
        OpenSshServer own = OpenSshServer.start("");
        try (own) {
            SshSettings route = new SshSettings(List.of(new SshHop("127.0.0.1", own.port(), OpenSshServer.USER,
                    new SshAuth.PrivateKey(OpenSshServer.clientKeys().resolve("id_ed25519"), SecretString.empty()))),
                    HostKeyPolicy.STRICT, OpenSshServer.knownHosts(own), false, Duration.ofSeconds(2));
            DatabaseConnection connection = engine.connect(postgres("localhost",
                    tls(TlsMode.VERIFY_CA, "ca.crt", "certuser.crt", "certuser.pk8.pem", null)).ssh(route).build());
            assertEquals(1, scalar(connection, "SELECT 1"));
            own.kill();
            own.restart();
            // the pool validates a connection idle for more than half a second: this one died with the tunnel
            Thread.sleep(600);
            assertEquals(2, scalar(connection, "SELECT 2"));
            assertEquals(3, scalar(connection, "SELECT 3"));
        }
    }

    @Test
    void postgresTlsFailuresSayWhatToFix() {
        assertTls(TlsException.Failure.UNTRUSTED_CERTIFICATE, postgres("localhost",
                tls(TlsMode.VERIFY_CA, "rogue-ca.crt", "certuser.crt", "certuser.pk8.pem", null)));
        assertTls(TlsException.Failure.HOSTNAME_MISMATCH, postgres("127.0.0.1",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "certuser.crt", "certuser.pk8.pem", null)));
        assertTls(TlsException.Failure.CLIENT_CERTIFICATE_REJECTED, postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", null, null, null)));
        assertTls(TlsException.Failure.CLIENT_CERTIFICATE_REJECTED, postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "rogue-certuser.crt", "rogue-certuser.key", null)));
        assertTls(TlsException.Failure.BAD_FILES, postgres("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "certuser.crt", "certuser.enc.pem", "wrong")));
    }

    @ParameterizedTest(name = "MariaDB client key {1}")
    @CsvSource({ "x509user.crt, x509user.rsa.pem,", "x509user.crt, x509user.pk8.pem,",
            "x509user.p12,, " + TestPki.KEY_PASSWORD })
    void mariadbRequireX509(String certificate, String key, String password) throws Exception {
        DatabaseConnection connection = engine.connect(mariadb("localhost",
                tls(TlsMode.VERIFY_FULL, "ca.crt", certificate, key, password)).build());
        assertEquals("x509user@%", scalar(connection, "SELECT current_user()"));
        assertTrue(String.valueOf(scalar(connection, "SELECT variable_value FROM information_schema.session_status"
                + " WHERE variable_name = 'Ssl_version'")).startsWith("TLS"));
    }

    @Test
    void mariadbThroughTheTunnelWithClientCertificate() throws Exception {
        DatabaseConnection connection = engine.connect(mariadb("localhost",
                tls(TlsMode.VERIFY_CA, "ca.crt", "x509user.crt", "x509user.enc.pem", TestPki.KEY_PASSWORD))
                .ssh(viaSsh()).build());
        assertEquals("x509user@%", scalar(connection, "SELECT current_user()"));
    }

    @Test
    void mariadbTlsFailuresSayWhatToFix() {
        assertTls(TlsException.Failure.UNTRUSTED_CERTIFICATE, mariadb("localhost",
                tls(TlsMode.VERIFY_CA, "rogue-ca.crt", "x509user.crt", "x509user.pk8.pem", null)));
        assertTls(TlsException.Failure.HOSTNAME_MISMATCH, mariadb("127.0.0.1",
                tls(TlsMode.VERIFY_FULL, "ca.crt", "x509user.crt", "x509user.pk8.pem", null)));
        // TLS 1.3: the server refuses the client certificate after the client's handshake ended, so the client
        // sees the connection close, not an alert (PostgreSQL reads the alert, MariaDB's client cannot)
        assertTls(TlsException.Failure.CLIENT_CERTIFICATE_REJECTED, mariadb("localhost",
                tls(TlsMode.VERIFY_CA, "ca.crt", "rogue-x509user.crt", "rogue-x509user.key", null)));
        var withoutCertificate = assertThrows(io.dora.core.error.DoraException.class, () -> engine.connect(
                mariadb("localhost", tls(TlsMode.VERIFY_CA, "ca.crt", null, null, null)).build()));
        assertEquals(ErrorKind.AUTHENTICATION, withoutCertificate.kind(), withoutCertificate.getMessage());
    }

    @Test
    void sshWithoutABackendFailsClearlyAndNeverConnectsDirectly() {
        DriverRegistryService bare = new DriverRegistryService(true);
        bare.addDriver(new PostgresDriver());
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> bare.connect(postgres("localhost",
                tls(TlsMode.VERIFY_CA, "ca.crt", "certuser.p12", null, TestPki.KEY_PASSWORD)).ssh(viaSsh()).build()));
        assertEquals(SshTunnelException.Failure.NO_BACKEND, failure.failure());
        assertEquals(ErrorKind.UNSUPPORTED, failure.kind());
    }

    @Test
    void aRefusedForwardIsReportedBeforeTheDriverTries() throws Exception {
        int nothing = OpenSshServer.freePort();
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> engine.connect(
                postgres("localhost", TlsSettings.disabled()).port(nothing).ssh(viaSsh()).build()));
        assertEquals(SshTunnelException.Failure.FORWARD_REFUSED, failure.failure(), failure.getMessage());
    }

    private void assertTls(TlsException.Failure expected, ConnectionSpec.Builder spec) {
        TlsException failure = assertThrows(TlsException.class, () -> engine.connect(spec.build()));
        assertEquals(expected, failure.failure(), failure.getMessage());
    }
}
