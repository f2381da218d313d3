package io.dora.core.internal.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.observe.LogKeys;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.core.query.CancelReason;
import io.dora.core.query.QueryId;
import io.dora.core.query.QueryManager;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOptions;
import io.dora.core.query.StatementOutcome;
import io.dora.core.safety.GuardDecision;
import io.dora.core.safety.StatementConfirmation;
import io.dora.core.safety.StatementGuard;

/**
 * Runs each request on a worker thread of its own, so requests of one session run in parallel (the session
 * serialises them itself when it is pinned). Timeouts cancel through the same path as a user's cancel.
 *
 * <p>Before a request runs, the {@link ExecutionGate} has the {@link StatementGuard} judge every statement
 * against the connection's policy: blocked or unconfirmed statements are refused and nothing of the request
 * runs; the policy's row limit and statement timeout apply to what does run.
 *
 * <p>While a query runs, its thread's MDC holds the query's {@link LogKeys}, and the {@link QueryListener}s hear
 * of its start and end (logging, metrics).
 */
@Component(service = QueryManager.class)
public final class QueryManagerService implements QueryManager {

    private static final Logger LOG = LoggerFactory.getLogger(QueryManagerService.class);

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<QueryId, QueryExecution> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("dora-query"));
    private final ExecutorService cancellers = Executors.newCachedThreadPool(daemonThreads("dora-cancel"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("dora-query-timer"));
    private volatile StatementGuard guard;
    private volatile StatementConfirmation confirmation;
    private final ExecutionGate gate = new ExecutionGate(() -> guard, () -> confirmation);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setGuard(StatementGuard newGuard) {
        guard = newGuard;
    }

    public void unsetGuard(StatementGuard oldGuard) {
        if (guard == oldGuard) {
            guard = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setConfirmation(StatementConfirmation newConfirmation) {
        confirmation = newConfirmation;
    }

    public void unsetConfirmation(StatementConfirmation oldConfirmation) {
        if (confirmation == oldConfirmation) {
            confirmation = null;
        }
    }

    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addQueryListener(QueryListener listener) {
        listeners.add(listener);
    }

    public void removeQueryListener(QueryListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    public void shutdown() {
        running.values().forEach(execution -> execution.cancel(CancelReason.CLOSED));
        workers.shutdown();
        timer.shutdownNow();
        cancellers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} queries did not stop within 10 s of shutdown", running.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RunningQuery submit(Session session, QueryRequest request, ResultSink sink) {
        if (session.isClosed()) {
            throw new DoraException(ErrorKind.CLOSED, "The session is closed");
        }
        QueryExecution execution = new QueryExecution(new QueryId(nextId.getAndIncrement()), session, request, cancellers);
        running.put(execution.id(), execution);
        workers.execute(() -> run(execution, sink));
        return execution;
    }

    @Override
    public boolean cancel(QueryId id) {
        QueryExecution execution = running.get(id);
        if (execution == null) {
            return false;
        }
        execution.cancel(CancelReason.REQUESTED);
        return true;
    }

    @Override
    public Optional<RunningQuery> find(QueryId id) {
        return Optional.ofNullable(running.get(id));
    }

    @Override
    public List<RunningQuery> running() {
        return List.copyOf(running.values());
    }

    private void run(QueryExecution execution, ResultSink sink) {
        QueryEvent event = null;
        try {
            DatabaseConnection connection = execution.session().connection();
            event = new QueryEvent(execution.id(), connection.spec(), connection.driverInfo(), execution.request());
            MDC.put(LogKeys.CONNECTION_ID, event.spec().id());
            MDC.put(LogKeys.ENVIRONMENT, event.spec().environment().id());
        } catch (RuntimeException e) {
            LOG.warn("Query {} runs unobserved: its session has no usable connection ({})", execution.id(), e.toString());
        }
        MDC.put(LogKeys.QUERY_ID, execution.id().toString());
        try {
            runObserved(execution, sink, event);
        } finally {
            MDC.remove(LogKeys.CONNECTION_ID);
            MDC.remove(LogKeys.ENVIRONMENT);
            MDC.remove(LogKeys.QUERY_ID);
        }
    }

    private void runObserved(QueryExecution execution, ResultSink sink, QueryEvent event) {
        QueryRequest request = execution.request();
        ScheduledFuture<?> timeout = request.timeout().isZero() ? null
                : timer.schedule(() -> execution.cancel(CancelReason.TIMEOUT), request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        long start = System.nanoTime();
        QueryOutcome outcome = null;
        Throwable defect = null;
        try {
            execution.started();
            if (event != null) {
                notifyListeners(listener -> listener.queryStarted(event));
            }
            ExecutionGate.Admission admission = gate.admit(execution.session().connection(), request);
            List<StatementOutcome> statements = admission.refused() ? admission.refusals()
                    : runStatements(execution, sink, admission.decision());
            outcome = new QueryOutcome(execution.id(), statements, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | Error e) {
            LOG.error("Query {} failed by a defect", execution.id(), e);
            defect = e;
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            // forget the query before anyone waiting for it wakes up
            running.remove(execution.id());
        }
        if (event != null) {
            QueryEnd end = QueryEnds.of(outcome, execution.cancelReason(), Duration.ofNanos(System.nanoTime() - start));
            notifyListeners(listener -> listener.queryEnded(event, end));
        }
        if (defect == null) {
            execution.finished(outcome);
        } else {
            execution.failedByDefect(defect);
        }
    }

    private void notifyListeners(Consumer<QueryListener> call) {
        for (QueryListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Query listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    private List<StatementOutcome> runStatements(QueryExecution execution, ResultSink sink, GuardDecision limits) {
        QueryRequest request = execution.request();
        StatementOptions options = withRowLimit(request.options(), limits.maxRows());
        List<StatementOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < request.statements().size() && !execution.isCancelled(); index++) {
            String statement = request.statements().get(index);
            CountingSink counting = new CountingSink(sink);
            long start = System.nanoTime();
            DoraException error = null;
            // the policy's statement timeout cancels through the same path as the request's timeout
            ScheduledFuture<?> statementTimeout = limits.statementTimeout().isZero() ? null
                    : timer.schedule(() -> execution.cancel(CancelReason.TIMEOUT), limits.statementTimeout().toNanos(),
                            TimeUnit.NANOSECONDS);
            try {
                counting.statementStarted(index, statement);
                execution.session().execute(statement, options, execution, counting);
            } catch (DoraException e) {
                error = execution.cancelReason().map(reason -> asCancellation(reason, e)).orElse(e);
            } catch (RuntimeException e) {
                LOG.error("Driver failed on query {}", execution.id(), e);
                error = new DoraException(ErrorKind.INTERNAL, "The driver failed: " + e.getClass().getSimpleName(), e);
            } finally {
                if (statementTimeout != null) {
                    statementTimeout.cancel(false);
                }
            }
            outcomes.add(new StatementOutcome(index, statement, counting.resultSets(), counting.rows(),
                    counting.updated(), Duration.ofNanos(System.nanoTime() - start), error));
            if (error != null && !request.continueOnError()) {
                break;
            }
        }
        return outcomes;
    }

    /** The request's row limit, lowered to the policy's when that is stricter. */
    private static StatementOptions withRowLimit(StatementOptions options, long policyMaxRows) {
        if (policyMaxRows == 0 || (options.maxRows() != 0 && options.maxRows() <= policyMaxRows)) {
            return options;
        }
        return new StatementOptions(options.fetchSize(), policyMaxRows);
    }

    /** A statement that failed because we cancelled it reports the cancellation, whatever the server said. */
    private static DoraException asCancellation(CancelReason reason, DoraException failure) {
        ErrorKind kind = reason == CancelReason.TIMEOUT ? ErrorKind.TIMEOUT : ErrorKind.CANCELLED;
        if (failure.kind() == kind) {
            return failure;
        }
        String message = switch (reason) {
            case TIMEOUT -> "The query ran past its timeout and was cancelled";
            case CLOSED -> "The query was cancelled because its connection closed";
            case REQUESTED -> "The query was cancelled";
        };
        return new DoraException(kind, message, failure);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
