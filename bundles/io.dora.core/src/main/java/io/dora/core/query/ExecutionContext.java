package io.dora.core.query;

import java.time.Instant;
import java.util.Optional;

/**
 * The engine's side of one running execution, handed to the driver. The driver registers how to stop the
 * query on the server as soon as it knows (e.g. once it has a connection and its backend id).
 */
public interface ExecutionContext {

    QueryId queryId();

    /**
     * Sets how to cancel what runs now, replacing the previous canceller; {@code null} clears it. When the
     * execution is already cancelled the canceller runs at once. Cancellers must be safe to call from any
     * thread and more than once.
     */
    void setCanceller(Runnable canceller);

    /** Why the execution was cancelled, empty while it was not. */
    Optional<CancelReason> cancelReason();

    default boolean isCancelled() {
        return cancelReason().isPresent();
    }

    /**
     * When the request's timeout expires, empty when it has none. The engine cancels the query then; a driver
     * may also hand the time left to the server (MongoDB's {@code maxTimeMS}).
     */
    default Optional<Instant> deadline() {
        return Optional.empty();
    }
}
