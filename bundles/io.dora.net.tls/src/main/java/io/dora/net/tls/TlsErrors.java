package io.dora.net.tls;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLException;

import io.dora.core.net.TlsException;
import io.dora.core.net.TlsException.Failure;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;

/**
 * Recognises failed TLS handshakes in a client library's exception chain and says in plain words what to fix.
 * The client libraries' own messages vary ("PKIX path building failed", "Received fatal alert: unknown_ca",
 * "could not be verified by hostnameverifier"); the chain is read from the outside in.
 */
public final class TlsErrors {

    private static final List<Failure> PRIORITY = List.of(Failure.HOSTNAME_MISMATCH, Failure.UNTRUSTED_CERTIFICATE,
            Failure.CLIENT_CERTIFICATE_REJECTED, Failure.NOT_OFFERED, Failure.HANDSHAKE);

    private TlsErrors() {
    }

    /**
     * @param failure  what the client library threw
     * @param endpoint the host and port, as the driver connected to them
     * @return the TLS failure, empty when the chain shows none
     */
    public static Optional<TlsException> classify(Throwable failure, String endpoint, TlsSettings tls) {
        Failure kind = null;
        Throwable tlsCause = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            Failure found = kindOf(cause, String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT));
            // the most telling cause wins, wherever it is in the chain
            if (found != null && (kind == null || PRIORITY.indexOf(found) < PRIORITY.indexOf(kind))) {
                kind = found;
                tlsCause = cause;
            }
        }
        if (kind == null) {
            return closedAfterHandshake(failure, endpoint, tls);
        }
        return Optional.of(new TlsException(kind, "TLS with " + endpoint + " failed: " + explain(kind, tls)
                + " (" + tlsCause.getMessage() + ")", failure));
    }

    /**
     * Under TLS 1.3 the client's handshake ends before the server has checked the client certificate; MariaDB,
     * MySQL and a JDK server then refuse a missing or untrusted one by closing the connection, often before the
     * client reads their alert, so the client sees only a broken pipe or an end of stream after a handshake that
     * succeeded (no {@link SSLException} in the chain). Only where TLS is certainly on (not ALLOW or PREFER), and
     * not for a failed connect (a {@code ConnectException}, a subclass of {@code SocketException}).
     */
    private static Optional<TlsException> closedAfterHandshake(Throwable failure, String endpoint, TlsSettings tls) {
        if (tls.mode().compareTo(TlsMode.REQUIRE) < 0) {
            return Optional.empty();
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            boolean closed = cause instanceof EOFException || cause.getClass() == SocketException.class;
            if (closed) {
                String why = tls.usesClientCertificate()
                        ? "which is how it refuses a client certificate it does not accept (" + tls.certificate()
                                + "): check that the server trusts the CA that signed it"
                        : "which is how a server that requires a client certificate refuses a client without one:"
                                + " configure the client certificate and key";
                return Optional.of(new TlsException(Failure.CLIENT_CERTIFICATE_REJECTED, "TLS with " + endpoint
                        + " failed: the server closed the connection right after the TLS handshake, " + why + " ("
                        + cause.getMessage() + ")", failure));
            }
        }
        return Optional.empty();
    }

    private static Failure kindOf(Throwable cause, String message) {
        if (message.contains("hostnameverifier") || message.contains("no subject alternative")
                || message.contains("no name matching") || message.contains("server identity verification failed")) {
            return Failure.HOSTNAME_MISMATCH;
        }
        if (cause instanceof CertPathValidatorException || message.contains("pkix path")
                || message.contains("unable to find valid certification path")
                || message.contains("does not chain with any of the trust anchors")) {
            return Failure.UNTRUSTED_CERTIFICATE;
        }
        // an alert received from the server (our own refusals of its certificate are alerts we send)
        if (message.contains("received fatal alert") && (message.contains("unknown_ca")
                || message.contains("bad_certificate") || message.contains("certificate_required")
                || message.contains("certificate_unknown") || message.contains("access_denied"))
                || message.contains("requires a valid client certificate")) {
            return Failure.CLIENT_CERTIFICATE_REJECTED;
        }
        if (message.contains("does not support ssl") || message.contains("not supported by server")) {
            return Failure.NOT_OFFERED;
        }
        if (cause instanceof SSLException || cause instanceof CertificateException) {
            return Failure.HANDSHAKE;
        }
        return null;
    }

    private static String explain(Failure kind, TlsSettings tls) {
        return switch (kind) {
            case HOSTNAME_MISMATCH -> "the server's certificate does not name the server's host (verify-full checks"
                    + " it; through an SSH tunnel, PostgreSQL and MySQL connections check 127.0.0.1)";
            case UNTRUSTED_CERTIFICATE -> "the server's certificate is not signed by "
                    + (tls.ca() == null ? "a CA the JVM trusts" : "the configured CA " + tls.ca());
            case CLIENT_CERTIFICATE_REJECTED -> tls.usesClientCertificate()
                    ? "the server rejected the client certificate " + tls.certificate()
                    : "the server wants a client certificate and none is configured";
            case NOT_OFFERED -> "the server does not offer TLS";
            case BAD_FILES -> "the certificate or key files cannot be used";
            case HANDSHAKE -> "the TLS handshake failed";
        };
    }
}
