package io.dora.driver.postgres.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

import io.dora.core.connection.ConnectionSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's binaries) on a random loopback port, for one test class. A server that cannot
 * start fails the test under {@code CI=true} and skips it otherwise.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
        } catch (Exception | LinkageError e) {
            String reason = "PostgreSQL could not start: " + e;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason);
            throw new IllegalStateException(reason);
        }
    }

    ConnectionSpec.Builder spec(String id) {
        return ConnectionSpec.builder(id, "postgres").host("127.0.0.1").port(postgres.getPort())
                .database("postgres").user("postgres");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** A plain connection outside Dora, to watch the server (pg_stat_activity) and prepare data. */
    Connection observer() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** The number of backends running a statement that contains {@code text}, other than the asking one. */
    int activeQueriesLike(String text) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND pid <> pg_backend_pid() AND query LIKE '%" + text.replace("'", "''") + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
