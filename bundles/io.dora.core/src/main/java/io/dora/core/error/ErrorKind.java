package io.dora.core.error;

/** What went wrong, coarse enough for a caller to react (retry, ask for a password, show a syntax marker). */
public enum ErrorKind {
    /** The request was rejected before any network call: bad connection settings, bad arguments. */
    INVALID_INPUT,
    /** No driver is installed for the requested driver id. */
    DRIVER_NOT_FOUND,
    /** The server could not be reached or the connection broke. */
    CONNECTION,
    /** The server refused the credentials. */
    AUTHENTICATION,
    /** The statement is not valid SQL (or not valid for this server). */
    SYNTAX,
    /** The user lacks a privilege. */
    PERMISSION,
    /** A table, column or other object does not exist. */
    UNDEFINED_OBJECT,
    /** A constraint (unique, foreign key, not null, check) was violated. */
    CONSTRAINT,
    /** A deadlock, serialization failure or invalid transaction state. */
    TRANSACTION,
    /** The query was cancelled on request. */
    CANCELLED,
    /** The query ran longer than its timeout and was cancelled. */
    TIMEOUT,
    /** The operation is not supported by this driver, or forbidden on a read-only connection. */
    UNSUPPORTED,
    /** The connection, session or pool is closed. */
    CLOSED,
    /** Any other error reported by the server. */
    SERVER,
    /** A defect in Dora or in a driver. */
    INTERNAL,
    /** The credential store (the vault) is locked: unlock it with the master password, then retry. */
    CREDENTIALS_LOCKED,
    /** The safety policy refused the statement (blocked, or a confirmation that was not given). */
    POLICY
}
