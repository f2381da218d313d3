package io.dora.core.query;

import java.util.List;
import java.util.Optional;

import io.dora.core.driver.Session;

/**
 * Runs requests on sessions, in parallel, each with an id by which it can be cancelled on the server.
 * A timeout triggers the same cancel. After a cancel the session stays usable.
 */
public interface QueryManager {

    /** Starts the request on a worker thread and returns at once. */
    RunningQuery submit(Session session, QueryRequest request, ResultSink sink);

    /** Runs the request and waits for its outcome. */
    default QueryOutcome execute(Session session, QueryRequest request, ResultSink sink)
            throws InterruptedException {
        return submit(session, request, sink).await();
    }

    /**
     * Cancels a running query on the server.
     *
     * @return false when no query with this id runs
     */
    boolean cancel(QueryId id);

    Optional<RunningQuery> find(QueryId id);

    List<RunningQuery> running();
}
