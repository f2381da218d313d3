package io.dora.core.driver;

/** How far a driver's cancel reaches. */
public enum CancelSupport {
    /** The running query is stopped where it runs (the server, or the in-process engine) and this can be verified. */
    SERVER,
    /** The client stops waiting and closes what it can; the server may go on working for a while. */
    BEST_EFFORT,
    /** Queries cannot be cancelled; they can only be abandoned. */
    NONE
}
