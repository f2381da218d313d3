package io.dora.driver.mongo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;

/**
 * The canceller of one statement. On the client it marks the statement cancelled: the stream stops at the next
 * document and kills its cursor. Where the server lists operations, it also finds the statement's operation by
 * its comment in {@code currentOp} and kills it ({@code killOp} from the control client), again after 1 s and 5 s
 * while the statement still runs. The comment is unique to the query, so a late kill cannot hit another one.
 */
final class RunningOperation {

    private static final Logger LOG = LoggerFactory.getLogger(RunningOperation.class);
    private static final long[] RETRY_AFTER_MILLIS = {1_000, 4_000};

    private final MongoDatabaseConnection owner;
    private final String comment;
    private final Object lock = new Object();
    private boolean finished;
    private volatile boolean cancelled;

    RunningOperation(MongoDatabaseConnection owner, String comment) {
        this.owner = owner;
        this.comment = comment;
    }

    String comment() {
        return comment;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Safe from any thread and more than once; returns when the statement ended or the kills were sent. */
    void cancel() {
        cancelled = true;
        if (!owner.cancelsOnServer() || owner.isClosed()) {
            return;
        }
        for (int attempt = 0; attempt <= RETRY_AFTER_MILLIS.length; attempt++) {
            synchronized (lock) {
                if (finished) {
                    return;
                }
            }
            try {
                int killed = owner.killOperations(comment);
                LOG.debug("killOp for {}: {} operation(s)", comment, killed);
            } catch (MongoException e) {
                LOG.warn("Cancelling {} on the server failed: {}", comment, e.getMessage());
            }
            if (attempt < RETRY_AFTER_MILLIS.length && !awaitFinish(RETRY_AFTER_MILLIS[attempt])) {
                return;
            }
        }
    }

    void finish() {
        synchronized (lock) {
            finished = true;
            lock.notifyAll();
        }
    }

    /** @return whether the statement still runs after waiting (false: it ended, or the wait was interrupted) */
    private boolean awaitFinish(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        synchronized (lock) {
            try {
                long left;
                while (!finished && (left = end - System.nanoTime()) > 0) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !finished;
        }
    }
}
