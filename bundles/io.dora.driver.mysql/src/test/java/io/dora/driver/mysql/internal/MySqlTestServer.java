package io.dora.driver.mysql.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.secret.SecretString;

/**
 * The MySQL-protocol server a test suite runs against, started by the suite: the throw-away MariaDB from the
 * system's {@code mariadbd}, or, with {@code -Ddora.test.containers=true} and a Docker engine, a MySQL 8 container.
 * Both have the user {@link #USER} (all privileges) and the empty database {@link #DATABASE}. A server that cannot
 * start fails the suite under {@code CI=true} and skips it otherwise.
 */
abstract class MySqlTestServer implements AutoCloseable {

    static final String USER = "dora";
    static final String PASSWORD = "dora-test-pw";
    static final String DATABASE = "test";

    /** Starts the server the run asks for and says which one it is. */
    static MySqlTestServer start(String suite) {
        MySqlTestServer server = TestContainers.requested() ? MySqlContainerServer.start() : MariaDbServer.start();
        // printed: this bundle's test classpath has no SLF4J API (the bundle does not import it)
        System.out.printf("%s runs against %s%s%n", suite, server.description(), TestContainers.requested() ? ""
                : " (-D" + TestContainers.PROPERTY + "=true runs it against a MySQL 8 container where Docker runs)");
        return server;
    }

    abstract String host();

    abstract int port();

    /** What the server is and how it runs, for the log: "MariaDB 10.11.19 throw-away mariadbd". */
    abstract String description();

    abstract boolean isMariaDb();

    /** A table expression with one column {@code seq} counting from 1 to {@code count}. */
    abstract String sequence(int count);

    /**
     * A query that sleeps {@code seconds} and, when killed, fails with "Query execution was interrupted" (1317):
     * its text contains {@code SLEEP(seconds)}, which finds it in the process list.
     */
    abstract String sleep(int seconds);

    ConnectionSpec.Builder spec(String id) {
        return ConnectionSpec.builder(id, "mysql").host(host()).port(port()).database(DATABASE).user(USER)
                .password(SecretString.of(PASSWORD));
    }

    /** A plain connection outside Dora, to watch the server and prepare data. */
    Connection observer() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host() + ":" + port() + "/" + DATABASE, USER, PASSWORD);
    }

    /** The number of connections running a statement that contains {@code text}, other than the asking one. */
    int activeQueriesLike(String text) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST"
                        + " WHERE COMMAND <> 'Sleep' AND ID <> CONNECTION_ID() AND INFO LIKE '%"
                        + text.replace("'", "''") + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The named attributes the client sent for a connection, as the server keeps them (performance_schema). */
    Map<String, String> connectionAttributes(long processId, String... names) throws SQLException {
        Map<String, String> attributes = new HashMap<>();
        try (Connection connection = observer(); PreparedStatement statement = connection.prepareStatement(
                "SELECT attr_name, attr_value FROM performance_schema.session_connect_attrs WHERE processlist_id = ?")) {
            statement.setLong(1, processId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    attributes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        attributes.keySet().retainAll(List.of(names));
        return attributes;
    }

    long count(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The server's {@code VERSION()}. */
    String version() throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Fails the suite under {@code CI=true}, skips it with the reason otherwise. */
    static RuntimeException unavailable(String reason, Exception cause) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason, cause);
        }
        // JUnit reports a suite aborted before its first test as no test at all: the reason is printed here
        System.out.println("Skipped: " + reason);
        Assumptions.abort(reason);
        return new IllegalStateException(reason);
    }
}
