package io.dora.net.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;
import io.dora.net.tls.TlsStores;

/**
 * {@link TlsStores#sslContext}, for client libraries that take an SSLContext (the MongoDB driver): a real
 * handshake with a server that demands a client certificate signed by the test CA.
 */
class TlsContextTest {

    private static TestPki pki;

    @BeforeAll
    static void makePki() {
        pki = TestPki.create("client");
    }

    @Test
    void clientCertificateFromPemIsAcceptedByAServerThatRequiresOne() throws Exception {
        assertEquals("CN=client", handshake(settings("client.crt", "client.enc.pem", TestPki.KEY_PASSWORD)));
    }

    @Test
    void materialHeldInTheVaultMakesTheContextInMemory() throws Exception {
        // sslContext takes no PrivateFiles: nothing of the vault's material can reach the disk on this path
        TlsSettings inline = TlsSettings.of(TlsMode.VERIFY_FULL, inline("ca.crt"), inline("client.p12"), null,
                SecretString.of(TestPki.KEY_PASSWORD));
        assertEquals("CN=client", handshake(inline));
        TlsSettings pem = TlsSettings.of(TlsMode.VERIFY_FULL, inline("ca.crt"), inline("client.crt"),
                inline("client.enc.pem"), SecretString.of(TestPki.KEY_PASSWORD));
        assertEquals("CN=client", handshake(pem));
    }

    private static TlsMaterial inline(String file) throws IOException {
        return TlsMaterial.Inline.of(Files.readAllBytes(pki.file(file)));
    }

    @Test
    void rogueClientCertificateIsRefused() {
        assertThrows(IOException.class, () -> handshake(settings("rogue-client.crt", "rogue-client.key", null)));
    }

    private static TlsSettings settings(String certificate, String key, String password) {
        return new TlsSettings(TlsMode.VERIFY_FULL, pki.file("ca.crt"), pki.file(certificate), pki.file(key),
                password == null ? SecretString.empty() : SecretString.of(password));
    }

    /** Connects with the settings' context; returns the subject the server saw. */
    private static String handshake(TlsSettings client) throws Exception {
        char[] password = TlsStores.randomPassword();
        TlsSettings serverFiles = new TlsSettings(TlsMode.REQUIRE, null, pki.file("server.crt"),
                pki.file("server.key"), SecretString.empty());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(TlsStores.clientKeyStore(serverFiles, "server", password), password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsStores.trustStore(pki.file("ca.crt")));
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.startHandshake();
                    accepted.getOutputStream().write(1);
                    return accepted.getSession().getPeerPrincipal().getName();
                } catch (IOException e) {
                    return "refused: " + e.getMessage();
                }
            });
            try (SSLSocket socket = (SSLSocket) TlsStores.sslContext(client).getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                if (socket.getInputStream().read() != 1) {
                    throw new IOException("the server closed the connection");
                }
            }
            return seen.get(10, TimeUnit.SECONDS);
        }
    }
}
