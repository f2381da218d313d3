package io.dora.core.query;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.dora.core.error.DoraException;

/**
 * How a whole request ended: one outcome per statement that was started.
 *
 * @param id         the execution's id
 * @param statements the outcomes, in order
 * @param elapsed    the time from start to end
 */
public record QueryOutcome(QueryId id, List<StatementOutcome> statements, Duration elapsed) {

    public QueryOutcome {
        statements = List.copyOf(statements);
    }

    public boolean succeeded() {
        return statements.stream().allMatch(StatementOutcome::succeeded);
    }

    /** The first failure, if any. */
    public Optional<DoraException> failure() {
        return statements.stream().map(StatementOutcome::error).filter(e -> e != null).findFirst();
    }
}
