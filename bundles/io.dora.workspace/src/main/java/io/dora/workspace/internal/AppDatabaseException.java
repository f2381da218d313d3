package io.dora.workspace.internal;

/** The workspace database could not be opened, read or written; the message names the file and the cause. */
public final class AppDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AppDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public AppDatabaseException(String message) {
        super(message);
    }
}
