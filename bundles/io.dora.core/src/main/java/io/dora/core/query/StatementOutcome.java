package io.dora.core.query;

import java.time.Duration;
import java.util.Optional;

import io.dora.core.error.DoraException;

/**
 * How one statement of a request ended.
 *
 * @param index      the statement's position in the request, from 0
 * @param statement  the statement's text
 * @param resultSets the result sets it returned
 * @param rows       the rows read from them
 * @param updated    the sum of its update counts
 * @param elapsed    how long it ran
 * @param error      why it failed, or {@code null} when it succeeded
 */
public record StatementOutcome(int index, String statement, int resultSets, long rows, long updated,
        Duration elapsed, DoraException error) {

    public boolean succeeded() {
        return error == null;
    }

    public Optional<DoraException> failure() {
        return Optional.ofNullable(error);
    }
}
