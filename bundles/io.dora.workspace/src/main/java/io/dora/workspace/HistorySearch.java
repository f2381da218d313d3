package io.dora.workspace;

import java.time.Instant;
import java.util.Optional;

/**
 * What to look for in the query history, newest first. Every criterion is optional.
 *
 * @param text         a piece of the statement text (case-insensitive for ASCII); null or blank for any
 * @param connectionId only this connection; null for any
 * @param outcome      only this outcome; null for any
 * @param from         started at or after; null for no lower bound
 * @param until        started before; null for no upper bound
 * @param offset       entries to skip (paging)
 * @param limit        the most entries to return (1 to {@link #MAX_LIMIT})
 */
public record HistorySearch(String text, String connectionId, HistoryEntry.Outcome outcome, Instant from,
        Instant until, int offset, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public HistorySearch {
        if (offset < 0) {
            throw new IllegalArgumentException("The offset cannot be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The newest {@code limit} entries. */
    public static HistorySearch latest(int limit) {
        return new HistorySearch(null, null, null, null, null, 0, limit);
    }

    public HistorySearch withText(String value) {
        return new HistorySearch(value, connectionId, outcome, from, until, offset, limit);
    }

    public HistorySearch withConnection(String value) {
        return new HistorySearch(text, value, outcome, from, until, offset, limit);
    }

    public HistorySearch withOutcome(HistoryEntry.Outcome value) {
        return new HistorySearch(text, connectionId, value, from, until, offset, limit);
    }

    public HistorySearch between(Instant fromInclusive, Instant untilExclusive) {
        return new HistorySearch(text, connectionId, outcome, fromInclusive, untilExclusive, offset, limit);
    }

    public HistorySearch withLimit(int value) {
        return new HistorySearch(text, connectionId, outcome, from, until, offset, value);
    }

    /** The page after this one. */
    public HistorySearch nextPage() {
        return new HistorySearch(text, connectionId, outcome, from, until, offset + limit, limit);
    }

    public Optional<String> textFilter() {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
