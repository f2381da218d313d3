package io.dora.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.dora.core.error.ErrorKind;
import io.dora.core.observe.LogKeys;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEnd.Outcome;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;

/** What logging and metrics see of a query: one start, one end, and the query's MDC keys meanwhile. */
class QueryListenerTest {

    private final QueryManagerService manager = new QueryManagerService();
    private final ScriptedSession session = new ScriptedSession();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<QueryEnd> ends = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> mdcSeen = new CopyOnWriteArrayList<>();

    QueryListenerTest() {
        manager.addQueryListener(new QueryListener() {
            @Override
            public void queryStarted(QueryEvent query) {
                calls.add("start " + query.id() + " " + query.spec().id() + " " + query.driver().id());
                mdcSeen.add(MDC.getCopyOfContextMap());
            }

            @Override
            public void queryEnded(QueryEvent query, QueryEnd end) {
                calls.add("end " + query.id());
                ends.add(end);
                mdcSeen.add(MDC.getCopyOfContextMap());
            }
        });
        manager.addQueryListener(new QueryListener() {
            @Override
            public void queryStarted(QueryEvent query) {
                throw new IllegalStateException("a broken listener");
            }

            @Override
            public void queryEnded(QueryEvent query, QueryEnd end) {
                throw new IllegalStateException("a broken listener");
            }
        });
    }

    @AfterEach
    void shutdown() {
        manager.shutdown();
    }

    @Test
    void aQueryIsOneStartAndOneEndWithItsKeysInTheMdc() throws Exception {
        RunningQuery query = manager.submit(session, QueryRequest.script(List.of("rows 3", "insert")), new ResultCollector(10));
        assertTrue(query.await().succeeded(), "a failing listener does not fail the query");

        assertEquals(List.of("start " + query.id() + " scripted scripted", "end " + query.id()), calls);
        QueryEnd end = ends.get(0);
        assertEquals(Outcome.SUCCEEDED, end.outcome());
        assertEquals(2, end.statements());
        assertEquals(3, end.rows());
        assertEquals(1, end.updated());
        for (Map<String, String> mdc : mdcSeen) {
            assertEquals(Map.of(LogKeys.CONNECTION_ID, "scripted", LogKeys.ENVIRONMENT, "development",
                    LogKeys.QUERY_ID, query.id().toString()), mdc);
        }
    }

    @Test
    void failuresCancellationsAndTimeoutsAreToldApart() throws Exception {
        manager.execute(session, QueryRequest.of("fail"), new ResultCollector(10));
        manager.execute(session, QueryRequest.of("sleep").withTimeout(Duration.ofMillis(100)), new ResultCollector(10));
        RunningQuery cancelled = manager.submit(session, QueryRequest.of("sleep"), new ResultCollector(10));
        session.sleeping.await();
        cancelled.cancel();
        cancelled.await();

        assertEquals(List.of(Outcome.FAILED, Outcome.TIMEOUT, Outcome.CANCELLED), ends.stream().map(QueryEnd::outcome).toList());
        assertEquals(ErrorKind.SYNTAX, ends.get(0).errorKind());
    }
}
