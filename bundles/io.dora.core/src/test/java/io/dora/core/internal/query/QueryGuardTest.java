package io.dora.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.PolicyViolationException;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.StatementOptions;
import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.GuardDecision;
import io.dora.core.safety.StatementGuard;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;

/** The policy gate in front of execution: fails closed, asks before dangerous statements, applies the limits. */
class QueryGuardTest {

    private final QueryManagerService manager = new QueryManagerService();
    private final ScriptedSession production = new ScriptedSession(
            ConnectionSpec.builder("prod", "scripted").environment(Environment.PRODUCTION).build());
    private final List<ConfirmationRequest> asked = new ArrayList<>();

    @AfterEach
    void shutdown() {
        manager.shutdown();
    }

    /** A guard that answers with a fixed verdict for statements starting with "drop" or "update". */
    private static StatementGuard guard(long maxRows, Duration timeout) {
        return (connection, dialect, statements) -> new GuardDecision(IntStream.range(0, statements.size())
                .mapToObj(i -> verdict(i, statements.get(i))).toList(), maxRows, timeout);
    }

    private static StatementVerdict verdict(int index, String statement) {
        if (statement.startsWith("drop")) {
            return new StatementVerdict(index, statement, Verdict.BLOCK, List.of("drop"), List.of("drop: removes data"));
        }
        if (statement.startsWith("update")) {
            return new StatementVerdict(index, statement, Verdict.CONFIRM, List.of("missing-where"),
                    List.of("missing-where: changes every row"));
        }
        return StatementVerdict.allow(index, statement);
    }

    private QueryOutcome run(ScriptedSession session, String... statements) throws InterruptedException {
        return manager.execute(session, QueryRequest.script(List.of(statements)), new ResultCollector(10));
    }

    @Test
    void withoutAGuardOnlyDevelopmentConnectionsRun() throws Exception {
        QueryOutcome refused = run(production, "insert", "rows 1");
        var error = (PolicyViolationException) refused.failure().orElseThrow();
        assertEquals(ErrorKind.POLICY, error.kind());
        assertEquals(List.of("no-guard"), error.rules());
        assertTrue(error.getMessage().contains("io.dora.sql"), error.getMessage());
        assertEquals(List.of(), production.executed, "nothing ran");

        ScriptedSession development = new ScriptedSession();
        assertTrue(run(development, "insert", "rows 1").succeeded());
        assertEquals(List.of("insert", "rows 1"), development.executed);
    }

    @Test
    void aBlockedStatementStopsTheWholeScriptBeforeAnythingRuns() throws Exception {
        manager.setGuard(guard(0, Duration.ZERO));
        QueryOutcome outcome = run(production, "rows 1", "drop table t", "insert");
        var error = (PolicyViolationException) outcome.failure().orElseThrow();
        assertEquals(List.of("drop"), error.rules());
        assertEquals("Blocked by the safety policy: drop: removes data", error.getMessage());
        assertEquals(1, outcome.statements().get(0).index());
        assertEquals(List.of(), production.executed);
    }

    @Test
    void aStatementThatNeedsAConfirmationRunsOnlyWhenConfirmed() throws Exception {
        manager.setGuard(guard(0, Duration.ZERO));
        manager.setConfirmation(new RefusingStatementConfirmation());
        QueryOutcome refused = run(production, "rows 1", "update t set x = 1");
        assertEquals(List.of("missing-where"), ((PolicyViolationException) refused.failure().orElseThrow()).rules());
        assertTrue(refused.failure().orElseThrow().getMessage().startsWith("Not confirmed"));
        assertEquals(List.of(), production.executed);

        manager.setConfirmation(request -> asked.add(request));
        assertTrue(run(production, "rows 1", "update t set x = 1").succeeded());
        assertEquals(List.of("rows 1", "update t set x = 1"), production.executed);
        assertEquals(1, asked.size());
        assertEquals(Environment.PRODUCTION, asked.get(0).environment());
        assertEquals(List.of("update t set x = 1"), asked.get(0).statements().stream().map(StatementVerdict::statement).toList());
    }

    @Test
    void withoutAnyConfirmationServiceTheAnswerIsNo() throws Exception {
        manager.setGuard(guard(0, Duration.ZERO));
        assertEquals(ErrorKind.POLICY, run(production, "update t set x = 1").failure().orElseThrow().kind());
        assertEquals(List.of(), production.executed);
    }

    @Test
    void aFailingGuardRefusesTheRequest() throws Exception {
        manager.setGuard((connection, dialect, statements) -> {
            throw new IllegalStateException("policy file broken");
        });
        var error = (PolicyViolationException) run(production, "rows 1").failure().orElseThrow();
        assertEquals(List.of("guard-failed"), error.rules());
        assertTrue(error.getMessage().contains("policy file broken"), error.getMessage());
        assertEquals(List.of(), production.executed);
    }

    @Test
    void aGuardThatSkipsAStatementRefusesTheRequest() throws Exception {
        manager.setGuard((connection, dialect, statements) -> new GuardDecision(
                List.of(StatementVerdict.allow(0, statements.get(0))), 0, Duration.ZERO));
        var error = (PolicyViolationException) run(production, "rows 1", "drop table t").failure().orElseThrow();
        assertEquals(List.of("guard-failed"), error.rules());
        manager.setGuard((connection, dialect, statements) -> null);
        assertEquals(List.of("guard-failed"), ((PolicyViolationException) run(production, "rows 1").failure().orElseThrow()).rules());
        assertEquals(List.of(), production.executed);
    }

    @Test
    void thePolicysRowLimitAppliesWhenItIsStricter() throws Exception {
        manager.setGuard(guard(500, Duration.ZERO));
        run(production, "rows 1");
        assertEquals(500, production.lastOptions.maxRows());
        manager.execute(production, QueryRequest.of("rows 1").withOptions(new StatementOptions(10, 20)), new ResultCollector(1));
        assertEquals(20, production.lastOptions.maxRows(), "a stricter request keeps its own limit");
    }

    @Test
    void thePolicysStatementTimeoutCancelsTheStatement() throws Exception {
        manager.setGuard(guard(0, Duration.ofMillis(200)));
        QueryOutcome outcome = run(production, "sleep", "insert");
        assertEquals(ErrorKind.TIMEOUT, outcome.failure().orElseThrow().kind());
        assertEquals(1, production.cancellerCalls);
        assertFalse(production.executed.contains("insert"), "the rest of the script does not run after a timeout");
    }
}
