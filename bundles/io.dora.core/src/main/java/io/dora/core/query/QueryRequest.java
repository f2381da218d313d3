package io.dora.core.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to run: one or more statements, already split (see {@link ScriptSplitter}), run in order.
 *
 * @param statements      the statements, without terminating delimiters; at least one
 * @param options         fetch size and row limit of each statement
 * @param timeout         the longest the whole request may run before it is cancelled; zero for no limit
 * @param continueOnError whether a script goes on after a failed statement
 */
public record QueryRequest(List<String> statements, StatementOptions options, Duration timeout,
        boolean continueOnError) {

    public QueryRequest {
        statements = List.copyOf(statements);
        if (statements.isEmpty() || statements.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("A query needs at least one statement, and no empty ones");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative");
        }
    }

    public static QueryRequest of(String statement) {
        return new QueryRequest(List.of(statement), StatementOptions.defaults(), Duration.ZERO, false);
    }

    public static QueryRequest script(List<String> statements) {
        return new QueryRequest(statements, StatementOptions.defaults(), Duration.ZERO, false);
    }

    public QueryRequest withTimeout(Duration value) {
        return new QueryRequest(statements, options, value, continueOnError);
    }

    public QueryRequest withOptions(StatementOptions value) {
        return new QueryRequest(statements, value, timeout, continueOnError);
    }

    public QueryRequest withContinueOnError(boolean value) {
        return new QueryRequest(statements, options, timeout, value);
    }
}
