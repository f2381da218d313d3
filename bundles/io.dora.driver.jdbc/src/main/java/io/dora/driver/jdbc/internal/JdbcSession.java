package io.dora.driver.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.driver.Capability;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.observe.Correlation;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.ResultSink;
import io.dora.core.query.StatementOptions;
import io.dora.driver.jdbc.CancelTarget;
import io.dora.driver.jdbc.JdbcDialect;

/**
 * A session on the query pool. Unpinned, each statement borrows a connection and returns it, so statements
 * run in parallel. A transaction, auto-commit off, or a statement that leaves session state pins one
 * connection; statements then take turns on it (the {@link #pinLock}). A connection that carries session
 * state is closed, not returned to the pool, when the session ends.
 */
final class JdbcSession implements Session {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

    private final JdbcDatabaseConnection owner;
    private final JdbcDialect dialect;
    private final ReentrantLock pinLock = new ReentrantLock();
    private final Set<ActiveStatement> running = ConcurrentHashMap.newKeySet();
    // written under pinLock; volatile so the state can be read while a pinned statement runs
    private volatile Connection pinned;
    private volatile boolean autoCommit = true;
    private volatile boolean inTransaction;
    private boolean carriesSessionState;
    private volatile boolean closed;

    JdbcSession(JdbcDatabaseConnection owner, JdbcDialect dialect) {
        this.owner = owner;
        this.dialect = dialect;
    }

    @Override
    public DatabaseConnection connection() {
        return owner;
    }

    @Override
    public void execute(String statement, StatementOptions options, ExecutionContext context, ResultSink sink) {
        requireOpen();
        if (owner.spec().readOnly() && dialect.undoesReadOnly(statement)) {
            throw new DoraException(ErrorKind.PERMISSION, "The connection '" + owner.spec().name()
                    + "' is read-only: a statement that would make the session writable is refused");
        }
        boolean pinsSession = dialect.changesSessionState(statement);
        pinLock.lock();
        try {
            if (pinned != null || pinsSession) {
                pin();
                carriesSessionState |= pinsSession;
                ActiveStatement[] started = new ActiveStatement[1];
                try {
                    execute(pinned, statement, options, context, sink, started);
                } finally {
                    if (mustDiscard(started[0])) {
                        discardPinned();
                    }
                }
                return;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, dialect);
        } finally {
            pinLock.unlock();
        }
        try (Connection connection = owner.borrow()) {
            ActiveStatement[] started = new ActiveStatement[1];
            try {
                execute(connection, statement, options, context, sink, started);
            } finally {
                if (mustDiscard(started[0])) {
                    owner.evict(connection);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, dialect);
        }
    }

    /** Whether the statement was cancelled on a connection the dialect cannot trust afterwards. */
    private boolean mustDiscard(ActiveStatement statement) {
        return statement != null && statement.wasCancelled() && !dialect.reusableAfterCancel();
    }

    /** Closes the pinned connection for good: its transaction and session settings are gone. */
    private void discardPinned() {
        LOG.info("A cancel ended the session's connection; its transaction and settings are gone");
        release(pinned, true);
        pinned = null;
        inTransaction = false;
        autoCommit = true;
        carriesSessionState = false;
    }

    private void execute(Connection connection, String sql, StatementOptions options, ExecutionContext context,
            ResultSink sink, ActiveStatement[] started) throws SQLException {
        if (owner.spec().readOnly()) {
            // the second line of defence: whatever ran on this connection before, it is read-only again now
            dialect.enforceReadOnly(connection);
        }
        boolean cursor = dialect.fetchesWithCursor(sql);
        // a cursor that needs a transaction gets one of its own when none is open, committed at once
        boolean ownTransaction = cursor && dialect.cursorNeedsTransaction() && connection.getAutoCommit();
        if (ownTransaction) {
            connection.setAutoCommit(false);
        }
        try (Statement statement = connection.createStatement()) {
            if (cursor) {
                statement.setFetchSize(options.fetchSize());
            }
            ActiveStatement active = new ActiveStatement(
                    new CancelTarget(statement, dialect.backendId(connection), owner.controlSql()), dialect,
                    owner.cancelScheduler());
            started[0] = active;
            running.add(active);
            context.setCanceller(active::cancel);
            try {
                if (context.isCancelled()) {
                    throw new DoraException(ErrorKind.CANCELLED, "The query was cancelled before it started");
                }
                new StatementRunner(dialect, sink).run(statement,
                        Correlation.commented(owner.spec(), context.queryId(), sql), options.maxRows());
                if (ownTransaction) {
                    connection.commit();
                }
            } finally {
                context.setCanceller(null);
                active.finish();
                running.remove(active);
            }
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                rollbackQuietly(connection);
            }
            throw e;
        } finally {
            if (ownTransaction) {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void begin() {
        requireTransactions();
        withPinLock(() -> {
            if (inTransaction) {
                throw new DoraException(ErrorKind.TRANSACTION, "A transaction is already open");
            }
            pin();
            pinned.setAutoCommit(false);
            inTransaction = true;
        });
    }

    @Override
    public void commit() {
        endTransaction(true);
    }

    @Override
    public void rollback() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        requireTransactions();
        withPinLock(() -> {
            if (!inTransaction) {
                throw new DoraException(ErrorKind.TRANSACTION, "No transaction is open");
            }
            if (commit) {
                pinned.commit();
            } else {
                pinned.rollback();
            }
            // with auto-commit off the next statement opens the next transaction
            inTransaction = !autoCommit;
            if (autoCommit) {
                pinned.setAutoCommit(true);
            }
            unpinIfStateless();
        });
    }

    @Override
    public void setAutoCommit(boolean on) {
        requireTransactions();
        withPinLock(() -> {
            if (on) {
                if (pinned != null) {
                    pinned.setAutoCommit(true); // commits what is open, as JDBC specifies
                }
                autoCommit = true;
                inTransaction = false;
                unpinIfStateless();
            } else {
                pin();
                pinned.setAutoCommit(false);
                autoCommit = false;
                inTransaction = true;
            }
        });
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit;
    }

    @Override
    public boolean isInTransaction() {
        return inTransaction;
    }

    @Override
    public boolean isPinned() {
        return pinned != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.forEach(ActiveStatement::cancel);
        pinLock.lock();
        try {
            if (pinned != null) {
                if (inTransaction) {
                    rollbackQuietly(pinned);
                }
                release(pinned, carriesSessionState);
                pinned = null;
            }
        } finally {
            pinLock.unlock();
            owner.sessionClosed(this);
        }
    }

    private void pin() throws SQLException {
        if (pinned == null) {
            pinned = owner.borrow();
        }
    }

    private void unpinIfStateless() {
        if (pinned != null && autoCommit && !inTransaction && !carriesSessionState) {
            release(pinned, false);
            pinned = null;
        }
    }

    private void release(Connection connection, boolean discard) {
        if (discard) {
            owner.evict(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Returning a connection to the pool failed: {}", e.getMessage());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new DoraException(ErrorKind.CLOSED, "The session is closed");
        }
    }

    private void requireTransactions() {
        requireOpen();
        if (!dialect.capabilities().has(Capability.TRANSACTIONS)) {
            throw new DoraException(ErrorKind.UNSUPPORTED, dialect.info().displayName() + " has no transactions");
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private void withPinLock(SqlAction action) {
        pinLock.lock();
        try {
            action.run();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, dialect);
        } finally {
            pinLock.unlock();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback after a failure failed: {}", e.getMessage());
        }
    }
}
