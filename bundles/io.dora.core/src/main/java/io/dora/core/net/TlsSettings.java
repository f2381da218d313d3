package io.dora.core.net;

import java.nio.file.Path;
import java.util.Objects;

import io.dora.core.secret.SecretString;

/**
 * TLS for a database connection. Certificate and key files are PEM (PKCS#1 or PKCS#8 keys) or PKCS#12;
 * each driver converts them to what it needs, never through a world-readable temporary file.
 *
 * @param mode              how much TLS is required
 * @param caCertificate     the CA that signs the server's certificate; {@code null} for the JVM's trust store
 * @param clientCertificate the client certificate (PEM), or a PKCS#12 bundle holding certificate and key; may be {@code null}
 * @param clientKey         the client key (PEM) when the certificate is PEM; {@code null} otherwise
 * @param keyPassword       the password of the key or the PKCS#12 bundle; empty when none
 */
public record TlsSettings(TlsMode mode, Path caCertificate, Path clientCertificate, Path clientKey,
        SecretString keyPassword) {

    public TlsSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyPassword, "keyPassword");
    }

    public static TlsSettings disabled() {
        return new TlsSettings(TlsMode.DISABLE, null, null, null, SecretString.empty());
    }

    public boolean usesClientCertificate() {
        return clientCertificate != null;
    }
}
