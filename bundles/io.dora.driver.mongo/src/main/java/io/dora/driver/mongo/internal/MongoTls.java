package io.dora.driver.mongo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import com.mongodb.connection.SslSettings;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;

/**
 * Maps {@link TlsSettings} to the Java driver's TLS settings, with an {@link SSLContext} built in memory from the
 * files (no temporary key store on disk):
 * <ul>
 * <li>REQUIRE: encrypted; the certificate is checked against the CA only when one is given (as libpq does);</li>
 * <li>VERIFY_CA: the certificate must chain to the CA (or the JVM's trust store); any host name;</li>
 * <li>VERIFY_FULL: as VERIFY_CA, and the certificate must name the server's host.</li>
 * </ul>
 * ALLOW and PREFER have no MongoDB equivalent (the driver cannot fall back between TLS and plain); the driver
 * refuses them before connecting.
 */
final class MongoTls {

    private MongoTls() {
    }

    static boolean enabled(TlsSettings tls) {
        return tls.mode() == TlsMode.REQUIRE || tls.mode() == TlsMode.VERIFY_CA || tls.mode() == TlsMode.VERIFY_FULL;
    }

    static void apply(SslSettings.Builder ssl, TlsSettings tls, MongoEndpoint endpoint) {
        if (!enabled(tls)) {
            return;
        }
        boolean verifyChain = tls.mode() != TlsMode.REQUIRE || tls.caCertificate() != null;
        boolean verifyHost = tls.mode() == TlsMode.VERIFY_FULL;
        // through a tunnel the socket's host is 127.0.0.1: the name is checked against the real server's host here
        boolean checkNameHere = verifyHost && endpoint.tunnelled();
        try {
            X509TrustManager trust = verifyChain ? trustManager(tls.caCertificate()) : null;
            TrustManager effective = checkNameHere ? new NamedServerTrust(trust, endpoint.serverName())
                    : trust != null ? trust : new EncryptOnlyTrust();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), new TrustManager[] {effective}, null);
            ssl.enabled(true).context(context).invalidHostNameAllowed(!verifyHost || checkNameHere);
        } catch (IOException | GeneralSecurityException e) {
            throw new DoraException(ErrorKind.INVALID_INPUT, "The TLS files cannot be used: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(Path caFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates(caFile)) {
                store.setCertificateEntry("ca" + index++, certificate);
            }
            factory.init(store);
        }
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        if (!tls.usesClientCertificate()) {
            return null;
        }
        char[] password = tls.keyPassword().reveal();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (PemKeys.isPem(tls.clientCertificate())) {
                if (tls.clientKey() == null) {
                    throw new GeneralSecurityException("a PEM client certificate needs its key file");
                }
                PrivateKey key = PemKeys.privateKey(tls.clientKey(), password);
                store.load(null, null);
                store.setKeyEntry("client", key, password,
                        certificates(tls.clientCertificate()).toArray(Certificate[]::new));
            } else {
                try (InputStream in = Files.newInputStream(tls.clientCertificate())) {
                    store.load(in, password);
                }
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Collection<? extends Certificate> certificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CertificateException(file.getFileName() + " holds no certificate");
            }
            return certificates;
        }
    }

    /** Checks the chain with the CA, then that the certificate names the real server (DNS or IP SAN). */
    private static final class NamedServerTrust extends X509ExtendedTrustManager {

        private final X509TrustManager chain;
        private final String serverName;

        NamedServerTrust(X509TrustManager chain, String serverName) {
            this.chain = chain;
            this.serverName = serverName.toLowerCase(Locale.ROOT);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            chain.checkServerTrusted(certificates, authType);
            if (!names(certificates[0]).stream().anyMatch(this::matches)) {
                throw new CertificateException("The server's certificate does not name " + serverName);
            }
        }

        private static List<String> names(X509Certificate certificate) throws CertificateException {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives == null) {
                return List.of();
            }
            return alternatives.stream().filter(entry -> (Integer) entry.get(0) == 2 || (Integer) entry.get(0) == 7)
                    .map(entry -> entry.get(1).toString().toLowerCase(Locale.ROOT)).toList();
        }

        private boolean matches(String name) {
            if (name.startsWith("*.")) {
                int dot = serverName.indexOf('.');
                return dot > 0 && serverName.substring(dot).equals(name.substring(1));
            }
            return name.equals(serverName);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }
    }

    /** REQUIRE without a CA: encrypted, any certificate (libpq's {@code sslmode=require}). */
    private static final class EncryptOnlyTrust extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) {
            // encryption only, by the user's choice of REQUIRE without a CA
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) {
            // as above
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
            // as above
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(certificates, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
