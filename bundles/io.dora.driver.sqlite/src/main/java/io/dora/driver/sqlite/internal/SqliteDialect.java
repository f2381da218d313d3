package io.dora.driver.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.error.ErrorKind;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.driver.jdbc.NamespaceStyle;

/** SQLite files through sqlite-jdbc. The engine runs in-process: a cancel interrupts it (sqlite3_interrupt). */
final class SqliteDialect implements JdbcDialect {

    static final DriverInfo INFO = new DriverInfo("sqlite", "SQLite", EndpointKind.FILE, 0, "sqlite");

    private static final DriverCapabilities CAPABILITIES = DriverCapabilities.of(CancelSupport.SERVER,
            Capability.TRANSACTIONS, Capability.MUTATIONS, Capability.STREAMING, Capability.SESSION_SETTINGS,
            Capability.QUERY_TIMEOUT);

    private static final int BUSY_TIMEOUT_MS = 5_000;

    @Override
    public DriverInfo info() {
        return INFO;
    }

    @Override
    public DriverCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public java.sql.Driver newJdbcDriver() {
        return new org.sqlite.JDBC();
    }

    @Override
    public String jdbcUrl(ConnectionSpec spec) {
        return "jdbc:sqlite:" + spec.database();
    }

    @Override
    public Properties connectionProperties(ConnectionSpec spec) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Properties properties = config.toProperties();
        properties.putAll(spec.options());
        if (spec.readOnly()) {
            // after the options, which must not turn it off. SQLite fixes read-only when the file is opened
            // (SQLITE_OPEN_READONLY: no SQL can undo it, attached files included); query_only covers temp tables
            SQLiteConfig readOnly = new SQLiteConfig(properties);
            readOnly.setReadOnly(true);
            properties = readOnly.toProperties();
        }
        return properties;
    }

    /**
     * The file is open read-only already; {@code query_only} also refuses writes to temporary tables. JDBC's
     * setReadOnly cannot be used: sqlite-jdbc refuses it on an open connection.
     */
    @Override
    public void enforceReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
        }
    }

    @Override
    public NamespaceStyle namespaceStyle() {
        return NamespaceStyle.SINGLE;
    }

    @Override
    public ErrorKind classify(SQLException failure) {
        int primary = failure.getErrorCode() & 0xFF;
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (primary == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
            return ErrorKind.CANCELLED;
        }
        if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            return ErrorKind.CONSTRAINT;
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return ErrorKind.TRANSACTION;
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return ErrorKind.PERMISSION;
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return ErrorKind.CONNECTION;
        }
        if (message.contains("no such table") || message.contains("no such column")) {
            return ErrorKind.UNDEFINED_OBJECT;
        }
        if (message.contains("syntax error")) {
            return ErrorKind.SYNTAX;
        }
        return JdbcDialect.super.classify(failure);
    }
}
