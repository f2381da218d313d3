package io.dora.core.query;

import java.util.concurrent.CompletionStage;

import io.dora.core.driver.Session;

/** An execution submitted to the {@link QueryManager}. */
public interface RunningQuery {

    QueryId id();

    Session session();

    QueryRequest request();

    QueryState state();

    /**
     * Completes with the outcome once the execution ended, successful or not (failures are inside the
     * outcome); completes exceptionally only on a defect.
     */
    CompletionStage<QueryOutcome> completion();

    /** Asks the server to stop the query; returns at once. */
    void cancel();

    /** Waits for the outcome. */
    QueryOutcome await() throws InterruptedException;
}
