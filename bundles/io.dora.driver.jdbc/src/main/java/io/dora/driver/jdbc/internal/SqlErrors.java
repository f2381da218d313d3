package io.dora.driver.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.dora.core.error.DoraDatabaseException;
import io.dora.core.error.ErrorKind;
import io.dora.driver.jdbc.JdbcDialect;

/** Turns JDBC failures into typed Dora errors carrying the server's message and codes. */
final class SqlErrors {

    private SqlErrors() {
    }

    static DoraDatabaseException translate(SQLException failure, JdbcDialect dialect) {
        ErrorKind kind = failure instanceof SQLTransientConnectionException && failure.getSQLState() == null
                ? ErrorKind.CONNECTION // the pool gave up waiting for a connection
                : dialect.classify(failure);
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return new DoraDatabaseException(kind, message, failure.getSQLState(), failure.getErrorCode(), failure);
    }
}
