package io.dora.core.error;

import java.util.Objects;

/**
 * Every failure of the connection and query engine reaches callers as this type (or a subtype), with a
 * {@link ErrorKind} to react on and a message fit for a user: never a stack trace, never a secret.
 */
public class DoraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public DoraException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public DoraException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ErrorKind kind() {
        return kind;
    }
}
