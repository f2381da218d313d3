package io.dora.core.observe;

/**
 * Told when a query starts and ends, on the query's worker thread with the query's MDC keys set (logging,
 * metrics). A DS service; the query manager calls every registered listener behind a try/log boundary, so a
 * failing listener never fails a query. Listeners must be quick: they run on the query's thread.
 */
public interface QueryListener {

    void queryStarted(QueryEvent query);

    void queryEnded(QueryEvent query, QueryEnd end);
}
