package io.dora.driver.mongo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.PoolSettings;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;
import io.dora.net.tls.TlsStores;

/**
 * TLS settings mapped to the Java driver, against mongo-java-server with a certificate from a throw-away CA made
 * by openssl. The server's certificate names only {@code localhost}. mongo-java-server does not ask for client
 * certificates, so for those a second, plain server sits behind a {@link ClientCertificateFront} that demands them.
 */
class MongoTlsTest {

    @TempDir
    static Path dir;
    private static MongoServer server;
    private static int port;
    private static MongoServer plainServer;
    private static ClientCertificateFront front;

    @BeforeAll
    static void startTlsServer() throws Exception {
        makeCertificates();
        server = new MongoServer(new MemoryBackend());
        char[] password = TlsStores.randomPassword();
        KeyStore serverKey = TlsStores.clientKeyStore(new TlsSettings(TlsMode.REQUIRE, null, dir.resolve("server.crt"),
                dir.resolve("server.key"), SecretString.empty()), "server", password);
        server.enableSsl((PrivateKey) serverKey.getKey("server", password), null, certificate("server.crt"),
                certificate("ca.crt"));
        InetSocketAddress address = server.bind();
        port = address.getPort();

        plainServer = new MongoServer(new MemoryBackend());
        front = new ClientCertificateFront(serverKey, password, TlsStores.trustStore(dir.resolve("ca.crt")),
                plainServer.bind().getPort());
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (front != null) {
            front.close();
        }
        for (MongoServer started : new MongoServer[] { server, plainServer }) {
            if (started != null) {
                started.shutdownNow();
            }
        }
    }

    private static void makeCertificates() throws Exception {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=Dora Test CA");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rogue-ca.key", "-out", "rogue-ca.crt",
                "-days", "2", "-subj", "/CN=Rogue CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "rogue-client.key", "-out", "rogue-client.csr",
                "-subj", "/CN=dora");
        openssl("x509", "-req", "-in", "rogue-client.csr", "-CA", "rogue-ca.crt", "-CAkey", "rogue-ca.key",
                "-CAcreateserial", "-out", "rogue-client.crt", "-days", "2");
        for (String name : List.of("server", "client")) {
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                    "/CN=" + (name.equals("server") ? "localhost" : "dora"));
            openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                    name + ".crt", "-days", "2", "-extfile", "san.ext");
        }
        openssl("rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key");
        openssl("pkcs8", "-topk8", "-in", "client.key", "-out", "client-encrypted.key", "-passout", "pass:secret");
        openssl("pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-out", "client.p12", "-passout", "pass:secret");
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            String reason = "openssl is needed to make the test certificates: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason);
            return;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    private static X509Certificate certificate(String file) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static ConnectionSpec spec(String host, TlsSettings tls) {
        return spec(host, port, tls);
    }

    private static ConnectionSpec spec(String host, int serverPort, TlsSettings tls) {
        return ConnectionSpec.builder("tls", "mongo").host(host).port(serverPort).database("shop").tls(tls)
                .pool(new PoolSettings(2, 0, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(2),
                        Duration.ofSeconds(1)))
                .build();
    }

    private static TlsSettings tls(TlsMode mode, String ca) {
        return new TlsSettings(mode, ca == null ? null : dir.resolve(ca), null, null, SecretString.empty());
    }

    private static void connects(ConnectionSpec spec, MongoEndpoint endpoint) {
        try (DatabaseConnection connection = MongoDatabaseConnection.open(spec, endpoint, MongoDriver.INFO)) {
            assertEquals("MongoDB", connection.serverInfo().product());
        }
    }

    private static DoraException refused(ConnectionSpec spec, MongoEndpoint endpoint) {
        return assertThrows(DoraException.class, () -> MongoDatabaseConnection.open(spec, endpoint, MongoDriver.INFO).close());
    }

    @Test
    void verifyFullChecksTheChainAndTheName() {
        ConnectionSpec byName = spec("localhost", tls(TlsMode.VERIFY_FULL, "ca.crt"));
        connects(byName, MongoEndpoint.direct(byName));
        // the Java driver checks the name of a direct connection itself (against the reverse-resolved host,
        // so 127.0.0.1 passes as localhost here): the mapping must leave its check on for VERIFY_FULL only
        assertFalse(MongoSettings.of(byName, MongoEndpoint.direct(byName), 1).getSslSettings().isInvalidHostNameAllowed());
        ConnectionSpec anyName = spec("localhost", tls(TlsMode.VERIFY_CA, "ca.crt"));
        assertTrue(MongoSettings.of(anyName, MongoEndpoint.direct(anyName), 1).getSslSettings().isInvalidHostNameAllowed());
    }

    @Test
    void verifyCaAcceptsAnyNameButOnlyTheCa() {
        ConnectionSpec byAddress = spec("127.0.0.1", tls(TlsMode.VERIFY_CA, "ca.crt"));
        connects(byAddress, MongoEndpoint.direct(byAddress));

        ConnectionSpec jvmTrust = spec("localhost", tls(TlsMode.VERIFY_CA, null));
        DoraException untrusted = refused(jvmTrust, MongoEndpoint.direct(jvmTrust));
        assertEquals(ErrorKind.CONNECTION, untrusted.kind());
        assertEquals(TlsException.Failure.UNTRUSTED_CERTIFICATE, ((TlsException) untrusted).failure());
    }

    @Test
    void requireWithoutACaOnlyEncrypts() {
        ConnectionSpec require = spec("127.0.0.1", tls(TlsMode.REQUIRE, null));
        connects(require, MongoEndpoint.direct(require));
    }

    @Test
    void throughATunnelTheNameIsCheckedAgainstTheRealHost() {
        ConnectionSpec real = spec("localhost", tls(TlsMode.VERIFY_FULL, "ca.crt"));
        // the socket goes to 127.0.0.1, which the certificate does not name; the real host is localhost
        connects(real, MongoEndpoint.tunnelled(real, "127.0.0.1", port));

        ConnectionSpec other = spec("db.example.com", tls(TlsMode.VERIFY_FULL, "ca.crt"));
        DoraException wrongHost = refused(other, MongoEndpoint.tunnelled(other, "127.0.0.1", port));
        assertEquals(ErrorKind.CONNECTION, wrongHost.kind());
        assertEquals(TlsException.Failure.HOSTNAME_MISMATCH, ((TlsException) wrongHost).failure());
        assertTrue(wrongHost.getMessage().contains("db.example.com"), wrongHost.getMessage());
    }

    @Test
    void aServerThatDemandsClientCertificatesAcceptsEachFormatAndRefusesMissingOrUntrustedOnes() {
        for (TlsSettings client : List.of(
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.crt"), dir.resolve("client.key"), SecretString.empty()),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.crt"), dir.resolve("client-pkcs1.key"), SecretString.empty()),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.p12"), null, SecretString.of("secret")))) {
            ConnectionSpec spec = spec("localhost", front.port(), client);
            connects(spec, MongoEndpoint.direct(spec));
        }
        for (TlsSettings refusedClient : List.of(tls(TlsMode.VERIFY_FULL, "ca.crt"),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("rogue-client.crt"),
                        dir.resolve("rogue-client.key"), SecretString.empty()))) {
            ConnectionSpec spec = spec("localhost", front.port(), refusedClient);
            DoraException refused = refused(spec, MongoEndpoint.direct(spec));
            assertEquals(TlsException.Failure.CLIENT_CERTIFICATE_REJECTED,
                    assertInstanceOf(TlsException.class, refused, refused::toString).failure(), refused.getMessage());
        }
    }

    @Test
    void clientCertificatesAreReadFromPemAndPkcs12() {
        for (TlsSettings client : List.of(
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.crt"), dir.resolve("client.key"), SecretString.empty()),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.crt"), dir.resolve("client-pkcs1.key"), SecretString.empty()),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.crt"), dir.resolve("client-encrypted.key"), SecretString.of("secret")),
                new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"), dir.resolve("client.p12"), null, SecretString.of("secret")))) {
            ConnectionSpec spec = spec("localhost", client);
            connects(spec, MongoEndpoint.direct(spec));
        }
        ConnectionSpec wrongPassword = spec("localhost", new TlsSettings(TlsMode.VERIFY_FULL, dir.resolve("ca.crt"),
                dir.resolve("client.p12"), null, SecretString.of("wrong")));
        DoraException refused = refused(wrongPassword, MongoEndpoint.direct(wrongPassword));
        assertEquals(ErrorKind.INVALID_INPUT, refused.kind());
        assertEquals(TlsException.Failure.BAD_FILES, ((TlsException) refused).failure());
        assertTrue(refused.getMessage().contains("client.p12"), refused.getMessage());
    }
}
