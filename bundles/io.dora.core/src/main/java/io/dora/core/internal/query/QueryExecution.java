package io.dora.core.internal.query;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.driver.Session;
import io.dora.core.query.CancelReason;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.QueryId;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.QueryState;
import io.dora.core.query.RunningQuery;

/** One submitted request: its state, its cancel hook (set by the driver) and its outcome. */
final class QueryExecution implements RunningQuery, ExecutionContext {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExecution.class);

    private final QueryId id;
    private final Session session;
    private final QueryRequest request;
    private final Executor cancelExecutor;
    private final CompletableFuture<QueryOutcome> completion = new CompletableFuture<>();
    private volatile QueryState state = QueryState.QUEUED;
    private CancelReason cancelReason;
    private Runnable canceller;
    private volatile Instant deadline;

    QueryExecution(QueryId id, Session session, QueryRequest request, Executor cancelExecutor) {
        this.id = id;
        this.session = session;
        this.request = request;
        this.cancelExecutor = cancelExecutor;
    }

    @Override
    public QueryId queryId() {
        return id;
    }

    @Override
    public QueryId id() {
        return id;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public QueryRequest request() {
        return request;
    }

    @Override
    public QueryState state() {
        return state;
    }

    void started() {
        deadline = request.timeout().isZero() ? null : Instant.now().plus(request.timeout());
        state = QueryState.RUNNING;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    void finished(QueryOutcome outcome) {
        synchronized (this) {
            canceller = null;
        }
        state = cancelReason().isPresent() ? QueryState.CANCELLED
                : outcome.succeeded() ? QueryState.SUCCEEDED : QueryState.FAILED;
        completion.complete(outcome);
    }

    void failedByDefect(Throwable defect) {
        state = QueryState.FAILED;
        completion.completeExceptionally(defect);
    }

    @Override
    public CompletionStage<QueryOutcome> completion() {
        return completion;
    }

    @Override
    public QueryOutcome await() throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Query " + id + " failed by a defect", e.getCause());
        }
    }

    @Override
    public void cancel() {
        cancel(CancelReason.REQUESTED);
    }

    void cancel(CancelReason reason) {
        Runnable toRun;
        synchronized (this) {
            if (cancelReason != null || completion.isDone()) {
                return;
            }
            cancelReason = reason;
            toRun = canceller;
        }
        LOG.debug("Cancelling {} ({})", id, reason);
        if (toRun != null) {
            cancelExecutor.execute(() -> runCanceller(toRun));
        }
    }

    @Override
    public void setCanceller(Runnable newCanceller) {
        boolean runNow;
        synchronized (this) {
            canceller = newCanceller;
            runNow = cancelReason != null && newCanceller != null;
        }
        if (runNow) {
            runCanceller(newCanceller);
        }
    }

    @Override
    public synchronized Optional<CancelReason> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    private void runCanceller(Runnable toRun) {
        try {
            toRun.run();
        } catch (RuntimeException e) {
            LOG.warn("Cancelling {} failed", id, e);
        }
    }
}
