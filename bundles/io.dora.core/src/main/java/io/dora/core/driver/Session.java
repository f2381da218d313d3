package io.dora.core.driver;

import io.dora.core.error.DoraException;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.ResultSink;
import io.dora.core.query.StatementOptions;

/**
 * A user's line of work on a connection (an editor tab, a CLI run). Statements run through the
 * {@code QueryManager}, which gives them ids, timeouts and cancellation; it calls {@link #execute}.
 *
 * <p>A session borrows a pooled connection per statement, so its statements may run in parallel. It pins
 * one physical connection while a transaction is open or after a session-level setting (e.g. {@code SET},
 * {@code USE}, a temporary table), so such state is never lost; statements of a pinned session run one after
 * another. Thread-safe.
 */
public interface Session extends AutoCloseable {

    DatabaseConnection connection();

    /**
     * Runs one statement and streams its results to the sink, on the calling thread. The driver registers
     * its canceller with the context before the statement reaches the server.
     *
     * @throws DoraException when the statement fails, with kind CANCELLED or TIMEOUT when it was cancelled
     */
    void execute(String statement, StatementOptions options, ExecutionContext context, ResultSink sink);

    /** Starts a transaction and pins the session's connection until commit or rollback. */
    void begin();

    void commit();

    void rollback();

    /** Off starts an implicit transaction (and pins) like {@link #begin()}; on commits what is open. */
    void setAutoCommit(boolean autoCommit);

    boolean isAutoCommit();

    boolean isInTransaction();

    /** Whether the session holds one physical connection of its own. */
    boolean isPinned();

    boolean isClosed();

    /** Rolls back what is open and returns the pinned connection. Idempotent. */
    @Override
    void close();
}
