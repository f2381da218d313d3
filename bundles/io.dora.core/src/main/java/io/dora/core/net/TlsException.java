package io.dora.core.net;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;

/** A TLS handshake with a database server that failed, classified so a user knows what to fix. */
public class TlsException extends DoraException {

    private static final long serialVersionUID = 1L;

    /** Why the handshake failed. */
    public enum Failure {
        /** The server's certificate is not signed by a trusted CA (the configured one, or the JVM's). */
        UNTRUSTED_CERTIFICATE,
        /** The server's certificate does not name the host connected to (verify-full). */
        HOSTNAME_MISMATCH,
        /** The server rejected the client certificate, or wanted one and got none. */
        CLIENT_CERTIFICATE_REJECTED,
        /** The certificate or key files cannot be read or converted. */
        BAD_FILES,
        /** The server does not offer TLS although it is required. */
        NOT_OFFERED,
        /** Any other handshake failure (protocol versions, ciphers). */
        HANDSHAKE
    }

    private final Failure failure;

    public TlsException(Failure failure, String message, Throwable cause) {
        super(failure == Failure.BAD_FILES ? ErrorKind.INVALID_INPUT : ErrorKind.CONNECTION, message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
