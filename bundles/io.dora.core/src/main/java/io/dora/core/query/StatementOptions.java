package io.dora.core.query;

/**
 * How one statement is run.
 *
 * @param fetchSize rows fetched per round trip while streaming; at least 1
 * @param maxRows   rows read per result set before the rest is skipped; 0 for all
 */
public record StatementOptions(int fetchSize, long maxRows) {

    public static final int DEFAULT_FETCH_SIZE = 1_000;

    public StatementOptions {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("The fetch size must be at least 1, not " + fetchSize);
        }
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows cannot be negative");
        }
    }

    public static StatementOptions defaults() {
        return new StatementOptions(DEFAULT_FETCH_SIZE, 0);
    }
}
