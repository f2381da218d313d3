package io.dora.net.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;

/**
 * Reads the certificates and keys of {@link TlsSettings} (PEM certificates; PEM keys in PKCS#1, SEC1 or
 * PKCS#8, encrypted or not; or a PKCS#12 bundle), from files or held inline in the vault, into Java key stores,
 * in memory. Drivers that only take files write the stores (and inline CA certificates) through
 * {@link PrivateFiles}. Messages name files, or say "held in the vault"; never content or passwords.
 */
public final class TlsStores {

    /** For encrypted PEM keys (OpenSSL's PBES2 names its cipher in a way the JDK providers do not know); not registered. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private TlsStores() {
    }

    /** A key store holding every certificate of the CA file (PEM or DER). */
    public static KeyStore trustStore(Path caCertificate) {
        return trustStore(TlsMaterial.file(caCertificate));
    }

    /** A key store holding every certificate of the CA material (PEM or DER; a file or held in the vault). */
    public static KeyStore trustStore(TlsMaterial ca) {
        try {
            KeyStore store = emptyPkcs12();
            int index = 0;
            for (Certificate certificate : certificates(ca)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new GeneralSecurityException("no certificate in it");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw badFiles("The CA certificate " + ca + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The client certificate and its key as one key store entry named {@code alias}, protected by
     * {@code storePassword}. Inline material is converted in memory.
     */
    public static KeyStore clientKeyStore(TlsSettings tls, String alias, char[] storePassword) {
        TlsMaterial certificate = tls.certificate();
        byte[] certificateBytes = null;
        char[] password = tls.keyPassword().reveal();
        try {
            certificateBytes = certificate.read();
            PrivateKey key;
            Certificate[] chain;
            if (isPem(certificateBytes)) {
                chain = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(certificateBytes)).toArray(Certificate[]::new);
                if (tls.key() == null) {
                    throw new GeneralSecurityException("a PEM client certificate needs its key");
                }
                key = readPrivateKey(tls.key(), tls.keyPassword());
            } else {
                KeyStore bundle = KeyStore.getInstance("PKCS12");
                bundle.load(new ByteArrayInputStream(certificateBytes), password);
                String entry = Collections.list(bundle.aliases()).stream().filter(a -> isKeyEntry(bundle, a))
                        .findFirst().orElseThrow(() -> new GeneralSecurityException("no private key in the PKCS#12 bundle"));
                key = (PrivateKey) bundle.getKey(entry, password);
                chain = bundle.getCertificateChain(entry);
            }
            KeyStore store = emptyPkcs12();
            store.setKeyEntry(alias, key, storePassword, chain);
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw badFiles("The client certificate " + certificate
                    + (tls.key() == null ? "" : " or its key " + tls.key()) + " cannot be read: "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
            if (certificateBytes != null) {
                Arrays.fill(certificateBytes, (byte) 0);
            }
        }
    }

    /** The key store in PKCS#12 form. */
    public static byte[] pkcs12(KeyStore store, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw badFiles("A PKCS#12 key store cannot be written: " + e.getMessage(), e);
        }
    }

    /** A random password for a key store only Dora reads. */
    public static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /**
     * An SSL context for client libraries that take one (the MongoDB driver), made in memory (inline material
     * never touches the disk), with the trust the settings' mode asks for: with a CA, or in VERIFY_CA and
     * VERIFY_FULL, the chain must end at the CA (else the JVM's trust store); REQUIRE without a CA only encrypts
     * (libpq's rule). The host name is left to the client library.
     */
    public static SSLContext sslContext(TlsSettings tls) {
        return sslContext(tls, null);
    }

    /**
     * As {@link #sslContext(TlsSettings)}; with a {@code serverName}, the chain is checked and the certificate must
     * also name that host. For connections whose socket goes to another address than the server's name, such as
     * an SSH tunnel's {@code 127.0.0.1}, where the client library's own host name check cannot be used.
     */
    public static SSLContext sslContext(TlsSettings tls, String serverName) {
        try {
            boolean verifyChain = serverName != null || tls.ca() != null || tls.mode() == TlsMode.VERIFY_CA
                    || tls.mode() == TlsMode.VERIFY_FULL;
            TrustManager trust = !verifyChain ? ServerTrust.encryptOnly()
                    : serverName == null ? chainTrust(tls) : ServerTrust.named(chainTrust(tls), serverName);
            KeyManagerFactory keys = null;
            if (tls.usesClientCertificate()) {
                char[] password = randomPassword();
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(clientKeyStore(tls, "client", password), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw badFiles("No TLS context from the configured certificates: " + e.getMessage(), e);
        }
    }

    /**
     * The CA material as a file a driver can be pointed at: the user's own file as it is, inline content written
     * through {@code files} (owner-only, deleted on close) under {@code name}.
     */
    public static Path caFile(TlsMaterial ca, PrivateFiles files, String name) {
        return switch (ca) {
            case TlsMaterial.FromFile file -> file.file();
            case TlsMaterial.Inline inline -> {
                try {
                    byte[] content = inline.read();
                    try {
                        yield files.write(name, content);
                    } finally {
                        Arrays.fill(content, (byte) 0);
                    }
                } catch (IOException e) {
                    throw badFiles("The CA certificate " + ca + " cannot be written to a private file: "
                            + e.getMessage(), e);
                }
            }
        };
    }

    /** Every certificate of the material (PEM or DER). */
    public static List<Certificate> certificates(TlsMaterial material) throws IOException, GeneralSecurityException {
        byte[] content = material.read();
        try {
            return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** The CA's trust manager, or the JVM's when the settings name no CA. */
    private static X509TrustManager chainTrust(TlsSettings tls) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(tls.ca() == null ? null : trustStore(tls.ca()));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** A PEM private key: PKCS#1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE KEY") or PKCS#8, encrypted or not. */
    public static PrivateKey readPrivateKey(TlsMaterial material, SecretString password)
            throws IOException, GeneralSecurityException {
        byte[] content = material.read();
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                object = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(requirePassword(password)));
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                try {
                    object = encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(requirePassword(password)));
                } catch (OperatorCreationException | PKCSException e) {
                    throw new GeneralSecurityException("the key password is wrong or the cipher unsupported", e);
                }
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new GeneralSecurityException("no PEM private key in " + material);
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new GeneralSecurityException("the key password is wrong or the key is damaged", e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static char[] requirePassword(SecretString password) throws GeneralSecurityException {
        if (password.isEmpty()) {
            throw new GeneralSecurityException("the key is encrypted and no key password is set");
        }
        return password.reveal();
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isPem(byte[] content) {
        return TlsMaterial.isPem(content);
    }

    private static KeyStore emptyPkcs12() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static TlsException badFiles(String message, Exception cause) {
        return new TlsException(TlsException.Failure.BAD_FILES, message, cause);
    }
}
