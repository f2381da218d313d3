package io.dora.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One execution in the query history. Holds what the user ran and how it ended; never a connection's
 * credentials (only its id and name).
 *
 * @param id             the entry's row id; 0 for an entry not stored yet
 * @param queryId        the query manager's id of the execution (ties the entry to the log lines)
 * @param connectionId   the connection's id
 * @param connectionName the connection's name at the time
 * @param environment    the connection's environment id ({@code production}, ...)
 * @param driver         the driver's id
 * @param statement      the statement text as executed (the statements of a script joined by {@code ;\n})
 * @param startedAt      when it started
 * @param duration       how long it ran
 * @param rows           the rows read plus the rows changed
 * @param outcome        how it ended
 * @param error          the first failure's message; null unless it failed
 */
public record HistoryEntry(long id, String queryId, String connectionId, String connectionName, String environment,
        String driver, String statement, Instant startedAt, Duration duration, long rows, Outcome outcome,
        String error) {

    public HistoryEntry {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        queryId = queryId == null ? "" : queryId;
        connectionName = connectionName == null ? connectionId : connectionName;
        environment = environment == null ? "" : environment;
        driver = driver == null ? "" : driver;
    }

    /** The same entry as stored under a row id. */
    public HistoryEntry withId(long rowId) {
        return new HistoryEntry(rowId, queryId, connectionId, connectionName, environment, driver, statement,
                startedAt, duration, rows, outcome, error);
    }

    /** The statement's first non-blank line, for one-line displays. */
    public String firstLine() {
        return statement.strip().lines().findFirst().orElse("").strip();
    }

    /** How an execution ended; the ids match the query manager's outcomes. */
    public enum Outcome {
        SUCCEEDED, FAILED, CANCELLED, TIMEOUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an id case-insensitively; IllegalArgumentException naming the accepted ones otherwise. */
        public static Outcome parse(String text) {
            for (Outcome outcome : values()) {
                if (outcome.id().equalsIgnoreCase(text.strip())) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("Unknown outcome '" + text + "': use succeeded, failed, cancelled or timeout");
        }
    }
}
