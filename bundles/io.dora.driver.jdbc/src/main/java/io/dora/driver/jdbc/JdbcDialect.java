package io.dora.driver.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.Notice;
import io.dora.net.tls.PrivateFiles;

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

    /**
     * Statements that would make a read-only session writable again (or reset it to the server's writable
     * default); a read-only connection refuses them before they reach the server.
     */
    Pattern READ_ONLY_UNDO = Pattern.compile(
            "\\bREAD\\s+WRITE\\b|\\b(default_transaction_read_only|transaction_read_only|tx_read_only|query_only)\\b"
                    + "|\\bRESET\\s+ALL\\b|\\bDISCARD\\s+ALL\\b",
            Pattern.CASE_INSENSITIVE);

    DriverInfo info();

    DriverCapabilities capabilities();

    /** A new instance of the database's JDBC driver, created from this bundle (never via DriverManager). */
    java.sql.Driver newJdbcDriver();

    String jdbcUrl(ConnectionSpec spec);

    /**
     * {@code jdbc:SUBPROTOCOL://host:port/database} for a network server: the driver's default port when the
     * spec leaves it at 0, and an IPv6 literal in brackets.
     */
    default String serverUrl(String subprotocol, ConnectionSpec spec) {
        int port = spec.port() == 0 ? info().defaultPort() : spec.port();
        String host = spec.host().contains(":") ? "[" + spec.host() + "]" : spec.host();
        return "jdbc:" + subprotocol + "://" + host + ":" + port + "/" + spec.database();
    }

    /**
     * The JDBC properties of a connection: login, TLS, streaming switches, the spec's options (which win).
     * The password is added by the base. Dialects that need files for TLS implement
     * {@link #connectionProperties(ConnectionSpec, PrivateFiles)} instead.
     */
    default Properties connectionProperties(ConnectionSpec spec) {
        throw new UnsupportedOperationException(info().id() + " needs files for its connection properties");
    }

    /**
     * The JDBC properties (see {@link #connectionProperties(ConnectionSpec)}) for a client library that reads
     * certificates and keys only from files: converted files go to {@code files} (owner-only, deleted when the
     * connection closes).
     *
     * @throws io.dora.core.net.TlsException when the configured files cannot be read or converted
     */
    default Properties connectionProperties(ConnectionSpec spec, PrivateFiles files) {
        return connectionProperties(spec);
    }

    NamespaceStyle namespaceStyle();

    default ServerInfo serverInfo(DatabaseMetaData metaData) throws SQLException {
        return new ServerInfo(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
                metaData.getDatabaseMajorVersion(), metaData.getDatabaseMinorVersion());
    }

    /** The server's id of the physical connection, read without a round trip where possible. */
    default OptionalLong backendId(Connection physical) throws SQLException {
        return OptionalLong.empty();
    }

    /** Keywords of statements that return rows and may be read through a cursor. */
    Set<String> ROW_RETURNING = Set.of("SELECT", "WITH", "VALUES", "TABLE");

    /**
     * Whether the statement's rows are fetched through a cursor in batches of the fetch size. The default
     * (every statement) suits drivers that stream natively; dialects whose cursor only works for queries
     * say so.
     */
    default boolean fetchesWithCursor(String statement) {
        return true;
    }

    /**
     * Whether a cursor needs a transaction (PostgreSQL's does); the base then runs a cursor statement outside
     * a transaction in one of its own and commits right after, which keeps auto-commit semantics.
     */
    default boolean cursorNeedsTransaction() {
        return false;
    }

    /** Whether the statement starts with a row-returning keyword ({@link #ROW_RETURNING}). */
    static boolean returnsRows(String statement) {
        return ROW_RETURNING.contains(leadingKeyword(statement));
    }

    /** Whether the statement leaves state in the session (see {@link #SESSION_STATE}). */
    default boolean changesSessionState(String statement) {
        return SESSION_STATE.matcher(SqlText.stripLeadingComments(statement)).find();
    }

    /**
     * Makes the session read-only at the server. Run on a read-only connection before every statement, pinned
     * sessions included, so a connection whose session state was changed (by a function, a procedure, a
     * statement the classifier misjudged) is read-only again before it runs anything else. The default is
     * JDBC's {@code setReadOnly}; dialects whose driver caches that flag send their own statement.
     */
    default void enforceReadOnly(Connection connection) throws SQLException {
        connection.setReadOnly(true);
    }

    /** Whether the statement would undo a read-only session (see {@link #READ_ONLY_UNDO}); SHOW only reads. */
    default boolean undoesReadOnly(String statement) {
        return !"SHOW".equals(leadingKeyword(statement)) && READ_ONLY_UNDO.matcher(statement).find();
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

    /**
     * Whether a connection whose statement was cancelled may serve the next statement. False where the
     * client library can be left out of step with the server (then the connection is closed instead).
     */
    default boolean reusableAfterCancel() {
        return true;
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
