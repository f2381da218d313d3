package io.dora.sql.policy;

/** A policy file or variable that cannot be used; the message names the source, the key and what is accepted. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
