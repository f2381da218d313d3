package io.dora.logging.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverInfo;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.query.QueryId;
import io.dora.core.query.QueryRequest;
import io.dora.core.secret.SecretString;

/** Query events as the query manager hands them to listeners. */
final class Fixtures {

    static final String PASSWORD = "Pa55-w0rd-never-logged";
    static final DriverInfo POSTGRES = new DriverInfo("postgres", "PostgreSQL", EndpointKind.SERVER, 5432, "postgres");

    private Fixtures() {
    }

    static ConnectionSpec spec(String id) {
        return ConnectionSpec.builder(id, "postgres").name("Orders " + id).host("db.example").user("app")
                .password(SecretString.of(PASSWORD)).environment(Environment.PRODUCTION).build();
    }

    static QueryEvent query(long id, String connection, String sql) {
        return new QueryEvent(new QueryId(id), spec(connection), POSTGRES, QueryRequest.of(sql));
    }

    static QueryEnd end(QueryEnd.Outcome outcome, long millis, long rows) {
        return new QueryEnd(outcome, Duration.ofMillis(millis), 1, rows, 0, null, null);
    }

    /** No connections open. */
    static ConnectionService noConnections() {
        return openConnections(List::of);
    }

    /** A connection service that only lists the connections the supplier returns. */
    static ConnectionService openConnections(Supplier<List<DatabaseConnection>> open) {
        return new ConnectionService() {
            @Override
            public DatabaseConnection connectById(String connectionId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public DatabaseConnection connect(ConnectionSpec spec) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> validate(ConnectionSpec spec) {
                return List.of();
            }

            @Override
            public List<DatabaseConnection> openConnections() {
                return open.get();
            }
        };
    }
}
