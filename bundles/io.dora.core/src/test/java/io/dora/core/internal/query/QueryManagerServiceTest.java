package io.dora.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dora.core.error.ErrorKind;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.QueryState;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;

class QueryManagerServiceTest {

    private final QueryManagerService manager = new QueryManagerService();
    private final ScriptedSession session = new ScriptedSession();
    private final List<Object> received = new ArrayList<>();
    private final ResultSink sink = new ResultSink() {
        @Override
        public void resultSetStarted(List<ColumnInfo> columns) {
            received.add(columns.get(0).label());
        }

        @Override
        public boolean row(Object[] values) {
            received.add(values[0]);
            return true;
        }
    };

    @AfterEach
    void shutdown() {
        manager.shutdown();
    }

    @Test
    void runsAScriptAndCountsWhatEachStatementReturned() throws Exception {
        QueryOutcome outcome = manager.execute(session, QueryRequest.script(List.of("rows 3", "insert")), sink);
        assertTrue(outcome.succeeded());
        assertEquals(List.of("n", 0, 1, 2), received);
        assertEquals(3, outcome.statements().get(0).rows());
        assertEquals(1, outcome.statements().get(0).resultSets());
        assertEquals(1, outcome.statements().get(1).updated());
    }

    @Test
    void stopsAtTheFirstErrorUnlessToldToContinue() throws Exception {
        QueryOutcome stopped = manager.execute(session, QueryRequest.script(List.of("fail", "insert")), sink);
        assertEquals(1, stopped.statements().size());
        assertEquals(ErrorKind.SYNTAX, stopped.failure().orElseThrow().kind());
        assertEquals("ERROR: syntax error at or near \"fail\" [SQLSTATE 42601]", stopped.failure().orElseThrow().getMessage());

        QueryOutcome continued = manager.execute(session,
                QueryRequest.script(List.of("fail", "insert")).withContinueOnError(true), sink);
        assertEquals(2, continued.statements().size());
        assertTrue(continued.statements().get(1).succeeded());
    }

    @Test
    void cancelReachesTheDriversCancellerAndReportsACancellation() throws Exception {
        RunningQuery query = manager.submit(session, QueryRequest.script(List.of("sleep", "insert")), sink);
        assertTrue(session.sleeping.await(5, TimeUnit.SECONDS));
        assertEquals(QueryState.RUNNING, query.state());
        assertTrue(manager.cancel(query.id()));
        QueryOutcome outcome = query.await();
        assertEquals(ErrorKind.CANCELLED, outcome.failure().orElseThrow().kind());
        assertEquals(1, outcome.statements().size(), "the statements after a cancel do not run");
        assertEquals(QueryState.CANCELLED, query.state());
        assertEquals(1, session.cancellerCalls);
        assertFalse(manager.cancel(query.id()), "a finished query is no longer known");
    }

    @Test
    void aTimeoutCancelsThroughTheSamePath() throws Exception {
        long start = System.nanoTime();
        QueryOutcome outcome = manager.execute(session, QueryRequest.of("sleep").withTimeout(Duration.ofMillis(200)), sink);
        assertEquals(ErrorKind.TIMEOUT, outcome.failure().orElseThrow().kind());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(1, session.cancellerCalls);
    }

    @Test
    void everyExecutionGetsItsOwnIdAndRunsInParallel() throws Exception {
        RunningQuery sleeping = manager.submit(session, QueryRequest.of("sleep"), sink);
        assertTrue(session.sleeping.await(5, TimeUnit.SECONDS));
        RunningQuery quick = manager.submit(session, QueryRequest.of("rows 1"), sink);
        assertTrue(quick.await().succeeded(), "a second query runs while the first one sleeps");
        assertNotEquals(sleeping.id(), quick.id());
        assertEquals(List.of(sleeping), manager.running());
        sleeping.cancel();
        assertEquals(ErrorKind.CANCELLED, sleeping.await().failure().orElseThrow().kind());
    }
}
