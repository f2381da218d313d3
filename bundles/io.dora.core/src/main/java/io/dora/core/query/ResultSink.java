package io.dora.core.query;

import java.util.List;

/**
 * Receives the results of an execution as they stream in, on the executing thread. A sink that is slow
 * slows the fetching (rows are never buffered beyond the fetch size), which is what keeps memory constant.
 * Per statement the calls are: {@link #statementStarted}, then any number of result sets
 * ({@link #resultSetStarted}, {@link #row}..., {@link #resultSetEnded}) and {@link #updateCount}s in the
 * order the server sends them, with {@link #notice}s in between.
 */
public interface ResultSink {

    default void statementStarted(int index, String statement) {
    }

    void resultSetStarted(List<ColumnInfo> columns);

    /**
     * One row; the array belongs to the sink.
     *
     * @return false to stop reading this result set (the rest is skipped, the query cancelled if needed)
     */
    boolean row(Object[] values);

    /** @param truncated whether rows were left unread (row limit or the sink said stop) */
    default void resultSetEnded(long rowCount, boolean truncated) {
    }

    default void updateCount(long count) {
    }

    default void notice(Notice notice) {
    }
}
