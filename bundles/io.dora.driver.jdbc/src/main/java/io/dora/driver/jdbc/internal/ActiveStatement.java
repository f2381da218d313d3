package io.dora.driver.jdbc.internal;

import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.driver.jdbc.CancelTarget;
import io.dora.driver.jdbc.JdbcDialect;

/**
 * A statement while it runs, and its cancel escalation: the dialect's fast cancel at once, a kill from
 * another connection if it still runs after {@link #KILL_QUERY_AFTER_MS}, the end of its connection after
 * {@link #KILL_CONNECTION_AFTER_MS}. Every step runs only while the statement is active, under the same
 * lock that ends it, so a late step can never hit the next statement that reuses the connection.
 */
final class ActiveStatement {

    static final long KILL_QUERY_AFTER_MS = 1_000;
    static final long KILL_CONNECTION_AFTER_MS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(ActiveStatement.class);

    @FunctionalInterface
    private interface CancelStep {
        void apply(CancelTarget target) throws SQLException;
    }

    private final CancelTarget target;
    private final JdbcDialect dialect;
    private final ScheduledExecutorService scheduler;
    private boolean finished;
    private boolean cancelRequested;

    ActiveStatement(CancelTarget target, JdbcDialect dialect, ScheduledExecutorService scheduler) {
        this.target = target;
        this.dialect = dialect;
        this.scheduler = scheduler;
    }

    /** Starts the cancel escalation; safe to call from any thread, more than once. */
    void cancel() {
        synchronized (this) {
            if (finished || cancelRequested) {
                return;
            }
            cancelRequested = true;
        }
        step("cancel", dialect::cancel);
        scheduler.schedule(() -> step("kill query", dialect::killQuery), KILL_QUERY_AFTER_MS, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> step("kill connection", dialect::killConnection), KILL_CONNECTION_AFTER_MS,
                TimeUnit.MILLISECONDS);
    }

    synchronized boolean wasCancelled() {
        return cancelRequested;
    }

    /** Marks the statement done; waits for a cancel step in progress. */
    synchronized void finish() {
        finished = true;
    }

    private synchronized void step(String name, CancelStep step) {
        if (finished) {
            return;
        }
        try {
            LOG.debug("Cancel step '{}' on backend {}", name, target.backendId());
            step.apply(target);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cancel step '{}' failed: {}", name, e.getMessage());
        }
    }
}
