package io.dora.net.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust managers a client uses when the JDK's own checks do not fit: the server's certificate checked against a
 * host name other than the socket's (the real host behind an SSH tunnel), or not checked at all (REQUIRE without a
 * CA, libpq's {@code sslmode=require}). A client never accepts client certificates.
 */
abstract sealed class ServerTrust extends X509ExtendedTrustManager {

    /** The chain must end at a trusted CA, and the certificate must name {@code serverName} (DNS or IP SAN). */
    static ServerTrust named(X509TrustManager chain, String serverName) {
        return new Named(chain, serverName);
    }

    /** Encryption only: any certificate. */
    static ServerTrust encryptOnly() {
        return new EncryptOnly();
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept client certificates");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    private static final class Named extends ServerTrust {

        private final X509TrustManager chain;
        private final String serverName;

        Named(X509TrustManager chain, String serverName) {
            this.chain = chain;
            this.serverName = serverName.toLowerCase(Locale.ROOT);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            chain.checkServerTrusted(certificates, authType);
            if (names(certificates[0]).stream().noneMatch(this::matches)) {
                // worded like the JDK's own check, so TlsErrors reads it as a host name mismatch
                throw new CertificateException("No name matching " + serverName + " found in the server's certificate");
            }
        }

        private static List<String> names(X509Certificate certificate) throws CertificateException {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives == null) {
                return List.of();
            }
            // 2 = dNSName, 7 = iPAddress
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
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }
    }

    private static final class EncryptOnly extends ServerTrust {

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) {
            // encryption only, by the user's choice of REQUIRE without a CA
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
