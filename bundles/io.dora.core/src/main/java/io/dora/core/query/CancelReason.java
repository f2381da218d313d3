package io.dora.core.query;

/** Why an execution was cancelled. */
public enum CancelReason {
    /** Someone asked for it (a Cancel button, {@code QueryManager#cancel}). */
    REQUESTED,
    /** The request's timeout expired. */
    TIMEOUT,
    /** The session, connection or driver was closed under it. */
    CLOSED
}
