package io.dora.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps what it receives, for small results (a CLI answer, a metadata probe, tests): at most
 * {@code rowLimit} rows per result set are kept, later ones are counted and dropped. Not thread-safe; read
 * it after the execution completed.
 */
public final class ResultCollector implements ResultSink {

    /** One result set as received. */
    public record CollectedResultSet(List<ColumnInfo> columns, List<Object[]> rows, long rowCount, boolean truncated) {
    }

    private final int rowLimit;
    private final List<CollectedResultSet> resultSets = new ArrayList<>();
    private final List<Long> updateCounts = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private List<ColumnInfo> columns;
    private List<Object[]> rows;

    public ResultCollector(int rowLimit) {
        this.rowLimit = rowLimit;
    }

    @Override
    public void resultSetStarted(List<ColumnInfo> columns) {
        this.columns = columns;
        this.rows = new ArrayList<>();
    }

    @Override
    public boolean row(Object[] values) {
        if (rows.size() < rowLimit) {
            rows.add(values);
        }
        return true;
    }

    @Override
    public void resultSetEnded(long rowCount, boolean truncated) {
        resultSets.add(new CollectedResultSet(columns, List.copyOf(rows), rowCount, truncated || rowCount > rows.size()));
    }

    @Override
    public void updateCount(long count) {
        updateCounts.add(count);
    }

    @Override
    public void notice(Notice notice) {
        notices.add(notice);
    }

    public List<CollectedResultSet> resultSets() {
        return List.copyOf(resultSets);
    }

    /** The first column of the first row of the first result set, the answer of a scalar query. */
    public Object scalar() {
        return resultSets.get(0).rows().get(0)[0];
    }

    public List<Long> updateCounts() {
        return List.copyOf(updateCounts);
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }
}
