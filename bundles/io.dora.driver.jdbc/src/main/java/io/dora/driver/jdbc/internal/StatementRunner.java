package io.dora.driver.jdbc.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.dora.core.query.ColumnInfo;
import io.dora.core.query.ResultSink;
import io.dora.driver.jdbc.JdbcDialect;

/**
 * Runs one statement and streams everything it returns to a sink: every result set and update count in
 * order (the {@code getMoreResults} loop), and the server's notices and warnings between them. Rows are read
 * one at a time from the driver, which fetches them in batches of the statement's fetch size.
 */
final class StatementRunner {

    private final JdbcDialect dialect;
    private final ResultSink sink;

    StatementRunner(JdbcDialect dialect, ResultSink sink) {
        this.dialect = dialect;
        this.sink = sink;
    }

    void run(Statement statement, String sql, long maxRows) throws SQLException {
        boolean isResultSet = statement.execute(sql);
        while (true) {
            reportWarnings(statement);
            if (isResultSet) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    stream(resultSet, maxRows);
                }
            } else {
                long count = statement.getUpdateCount();
                if (count == -1) {
                    break;
                }
                sink.updateCount(count);
            }
            isResultSet = statement.getMoreResults();
        }
    }

    private void stream(ResultSet resultSet, long maxRows) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int width = metaData.getColumnCount();
        sink.resultSetStarted(columns(metaData));
        long count = 0;
        boolean truncated = false;
        while (resultSet.next()) {
            if (maxRows > 0 && count == maxRows) {
                truncated = true;
                break;
            }
            Object[] row = new Object[width];
            for (int column = 0; column < width; column++) {
                row[column] = resultSet.getObject(column + 1);
            }
            count++;
            if (!sink.row(row)) {
                truncated = true;
                break;
            }
        }
        reportWarnings(resultSet.getWarnings());
        sink.resultSetEnded(count, truncated);
    }

    private static List<ColumnInfo> columns(ResultSetMetaData metaData) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>(metaData.getColumnCount());
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
            columns.add(new ColumnInfo(metaData.getColumnLabel(column), metaData.getColumnTypeName(column),
                    metaData.getColumnType(column), metaData.getColumnClassName(column),
                    metaData.isNullable(column) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
    }

    private void reportWarnings(Statement statement) throws SQLException {
        SQLWarning warnings = statement.getWarnings();
        if (warnings != null) {
            statement.clearWarnings();
            reportWarnings(warnings);
        }
    }

    private void reportWarnings(SQLWarning warnings) {
        for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
            sink.notice(dialect.notice(warning));
        }
    }
}
