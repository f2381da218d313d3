package io.dora.driver.mongo.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canceller of one statement. On the client it marks the statement cancelled: the stream stops at the next
 * document and kills its cursor. Where the server lists operations, it also finds the statement's operation by
 * its comment in {@code $currentOp} and kills it ({@code killOp} from the control client), again after 1 s and 5 s
 * while the statement still runs (a getMore that started after the first kill). The comment is unique to the query, so a late kill cannot hit another one.
 */
final class RunningOperation {

    private static final Logger LOG = LoggerFactory.getLogger(RunningOperation.class);
    private static final long[] RETRY_AFTER_MILLIS = {1_000, 5_000};

    private final MongoDatabaseConnection owner;
    private final String comment;
    private volatile boolean finished;
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

    /** Safe from any thread and more than once; returns at once, the later kills run on a timer. */
    void cancel() {
        cancelled = true;
        if (!owner.cancelsOnServer()) {
            return;
        }
        kill();
        for (long delay : RETRY_AFTER_MILLIS) {
            CompletableFuture.runAsync(this::kill, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }
    }

    private void kill() {
        if (finished || owner.isClosed()) {
            return;
        }
        try {
            int killed = owner.killOperations(comment);
            LOG.debug("killOp for {}: {} operation(s)", comment, killed);
        } catch (RuntimeException e) {
            LOG.warn("Cancelling {} on the server failed: {}", comment, e.getMessage());
        }
    }

    void finish() {
        finished = true;
    }
}
