package io.dora.vault;

/**
 * A vault operation failed. Messages name files, entry kinds and ids, never a secret or an attribute value.
 * Subclasses tell the cases a caller handles differently.
 */
public class VaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
