package io.dora.core.net;

import java.nio.file.Path;
import java.util.Objects;

import io.dora.core.secret.SecretString;

/**
 * TLS for a database connection. Certificates and keys are PEM (PKCS#1, SEC1 or PKCS#8 keys) or PKCS#12, each
 * a {@link TlsMaterial}: a file, or content held inline in the vault. Each driver converts them to what it
 * needs, in memory where it can and otherwise only through an owner-only folder, never through a
 * world-readable temporary file. {@link #toString()} names files and says "held in the vault" for inline
 * content: neither content nor the key password ever prints.
 */
public final class TlsSettings {

    private final TlsMode mode;
    private final TlsMaterial ca;
    private final TlsMaterial certificate;
    private final TlsMaterial key;
    private final SecretString keyPassword;

    /**
     * Files only (the form of every setting before the vault could hold the material).
     *
     * @param mode              how much TLS is required
     * @param caCertificate     the CA that signs the server's certificate; {@code null} for the JVM's trust store
     * @param clientCertificate the client certificate (PEM), or a PKCS#12 bundle holding certificate and key; may be {@code null}
     * @param clientKey         the client key (PEM) when the certificate is PEM; {@code null} otherwise
     * @param keyPassword       the password of the key or the PKCS#12 bundle; empty when none
     */
    public TlsSettings(TlsMode mode, Path caCertificate, Path clientCertificate, Path clientKey,
            SecretString keyPassword) {
        this(mode, TlsMaterial.file(caCertificate), TlsMaterial.file(clientCertificate), TlsMaterial.file(clientKey),
                keyPassword);
    }

    private TlsSettings(TlsMode mode, TlsMaterial ca, TlsMaterial certificate, TlsMaterial key,
            SecretString keyPassword) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.ca = ca;
        this.certificate = certificate;
        this.key = key;
        this.keyPassword = Objects.requireNonNull(keyPassword, "keyPassword");
    }

    /** Files, inline content, or a mix; {@code null} material is absent (as with the file constructor). */
    public static TlsSettings of(TlsMode mode, TlsMaterial ca, TlsMaterial certificate, TlsMaterial key,
            SecretString keyPassword) {
        return new TlsSettings(mode, ca, certificate, key, keyPassword);
    }

    public static TlsSettings disabled() {
        return of(TlsMode.DISABLE, null, null, null, SecretString.empty());
    }

    public TlsMode mode() {
        return mode;
    }

    /** The CA certificate(s); {@code null} for the JVM's trust store. */
    public TlsMaterial ca() {
        return ca;
    }

    /** The client certificate (PEM) or a PKCS#12 bundle with certificate and key; {@code null} when none. */
    public TlsMaterial certificate() {
        return certificate;
    }

    /** The client key (PEM) when the certificate is PEM; {@code null} otherwise. */
    public TlsMaterial key() {
        return key;
    }

    public SecretString keyPassword() {
        return keyPassword;
    }

    public boolean usesClientCertificate() {
        return certificate != null;
    }

    /** Whether any material is held inline rather than in a file. */
    public boolean holdsInlineMaterial() {
        return ca instanceof TlsMaterial.Inline || certificate instanceof TlsMaterial.Inline
                || key instanceof TlsMaterial.Inline;
    }

    /**
     * The CA file, for code that only knows files.
     *
     * @throws IllegalStateException when the CA is held inline: such code must not connect without it
     */
    public Path caCertificate() {
        return fileOf(ca, "CA certificate");
    }

    /** @see #caCertificate() */
    public Path clientCertificate() {
        return fileOf(certificate, "client certificate");
    }

    /** @see #caCertificate() */
    public Path clientKey() {
        return fileOf(key, "client key");
    }

    private static Path fileOf(TlsMaterial material, String what) {
        return switch (material) {
            case null -> null;
            case TlsMaterial.FromFile file -> file.file();
            case TlsMaterial.Inline inline -> throw new IllegalStateException("The TLS " + what
                    + " is held in the vault, not in a file: read it through TlsMaterial (io.dora.net.tls.TlsStores)");
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsSettings that && mode == that.mode && Objects.equals(ca, that.ca)
                && Objects.equals(certificate, that.certificate) && Objects.equals(key, that.key)
                && keyPassword.equals(that.keyPassword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, ca, certificate, key, keyPassword);
    }

    @Override
    public String toString() {
        return "TlsSettings[mode=" + mode + ", ca=" + ca + ", certificate=" + certificate + ", key=" + key
                + ", keyPassword=" + keyPassword + "]";
    }
}
