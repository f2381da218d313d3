package io.dora.driver.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Pattern;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.Notice;

/**
 * What differs between JDBC databases; everything else (pools, sessions, streaming, cancellation, metadata,
 * errors) is shared by the JDBC base. Implementations are stateless.
 */
public interface JdbcDialect {

    /** Statements that leave state in the session, so the session must keep its connection. */
    Pattern SESSION_STATE = Pattern.compile(
            "^(SET|RESET|USE|BEGIN|START\\s+TRANSACTION|LOCK|PREPARE|DECLARE|LISTEN|ATTACH|DETACH|PRAGMA"
                    + "|CREATE\\s+(GLOBAL\\s+|LOCAL\\s+)?TEMP(ORARY)?)\\b",
            Pattern.CASE_INSENSITIVE);

    DriverInfo info();

    DriverCapabilities capabilities();

    /** A new instance of the database's JDBC driver, created from this bundle (never via DriverManager). */
    java.sql.Driver newJdbcDriver();

    String jdbcUrl(ConnectionSpec spec);

    /**
     * The JDBC properties of a connection: login, TLS, streaming switches, the spec's options (which win).
     * The password is added by the base.
     */
    Properties connectionProperties(ConnectionSpec spec);

    NamespaceStyle namespaceStyle();

    /**
     * Whether a read-only spec is enforced with {@link Connection#setReadOnly}; false for dialects that open
     * read-only through their connection properties instead.
     */
    default boolean readOnlyThroughJdbc() {
        return true;
    }

    default ServerInfo serverInfo(DatabaseMetaData metaData) throws SQLException {
        return new ServerInfo(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
                metaData.getDatabaseMajorVersion(), metaData.getDatabaseMinorVersion());
    }

    /** The server's id of the physical connection, read without a round trip where possible. */
    default OptionalLong backendId(Connection physical) throws SQLException {
        return OptionalLong.empty();
    }

    /**
     * Whether streaming this statement needs a transaction (PostgreSQL only uses a cursor with auto-commit
     * off); the base then runs it in one and commits after, which keeps auto-commit semantics.
     */
    default boolean streamsInTransaction(String statement) {
        return false;
    }

    /** Whether the statement leaves state in the session (see {@link #SESSION_STATE}). */
    default boolean changesSessionState(String statement) {
        return SESSION_STATE.matcher(SqlText.stripLeadingComments(statement)).find();
    }

    /** The first, fast step of a cancel: stop the running statement. */
    default void cancel(CancelTarget target) throws SQLException {
        target.statement().cancel();
    }

    /** The second step, when the statement still runs after the first: stop it from another connection. */
    default void killQuery(CancelTarget target) throws SQLException {
        target.statement().cancel();
    }

    /** The last resort: end the connection the statement runs on; does nothing where the dialect cannot. */
    default void killConnection(CancelTarget target) throws SQLException {
        // most in-process engines have nothing beyond their interrupt
    }

    /** The kind of a failure; the default reads the SQLSTATE class. */
    default ErrorKind classify(SQLException failure) {
        return SqlStates.classify(failure.getSQLState());
    }

    default Notice notice(SQLWarning warning) {
        String state = warning.getSQLState();
        return new Notice("WARNING", warning.getMessage(), state);
    }

    /** Upper-case keyword at the start of a statement, after comments; empty when there is none. */
    static String leadingKeyword(String statement) {
        String text = SqlText.stripLeadingComments(statement);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
