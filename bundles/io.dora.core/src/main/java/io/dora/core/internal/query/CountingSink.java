package io.dora.core.internal.query;

import java.util.List;

import io.dora.core.query.ColumnInfo;
import io.dora.core.query.Notice;
import io.dora.core.query.ResultSink;

/** Passes results on to the caller's sink and counts them for the statement's outcome. */
final class CountingSink implements ResultSink {

    private final ResultSink target;
    private int resultSets;
    private long rows;
    private long updated;

    CountingSink(ResultSink target) {
        this.target = target;
    }

    @Override
    public void statementStarted(int index, String statement) {
        target.statementStarted(index, statement);
    }

    @Override
    public void resultSetStarted(List<ColumnInfo> columns) {
        resultSets++;
        target.resultSetStarted(columns);
    }

    @Override
    public boolean row(Object[] values) {
        rows++;
        return target.row(values);
    }

    @Override
    public void resultSetEnded(long rowCount, boolean truncated) {
        target.resultSetEnded(rowCount, truncated);
    }

    @Override
    public void updateCount(long count) {
        updated += count;
        target.updateCount(count);
    }

    @Override
    public void notice(Notice notice) {
        target.notice(notice);
    }

    int resultSets() {
        return resultSets;
    }

    long rows() {
        return rows;
    }

    long updated() {
        return updated;
    }
}
