package io.dora.driver.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.PoolStats;
import io.dora.core.driver.Session;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.observe.InstanceRunIdentity;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.observe.Correlation;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;
import io.dora.core.secret.SecretString;

/** What a DBA sees of a Dora query in pg_stat_activity while it runs: who sent it, and which query it is. */
class CorrelationTest {

    private static final String PASSWORD = "Corr3lation-S3cret";

    private static EmbeddedPostgresServer server;
    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private final List<QueryEvent> started = new CopyOnWriteArrayList<>();
    private DatabaseConnection connection;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgresServer.start();
        server.execute("CREATE ROLE dora_user LOGIN PASSWORD '" + PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void disconnect() {
        queries.shutdown();
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void aRunningQueryShowsItsApplicationNameAndQueryIdInPgStatActivity() throws Exception {
        queries.addQueryListener(new QueryListener() {
            @Override
            public void queryStarted(QueryEvent query) {
                started.add(query);
            }

            @Override
            public void queryEnded(QueryEvent query, QueryEnd end) {
                // the start is enough
            }
        });
        registry.addDriver(new PostgresDriver());
        registry.setRunIdentity(new InstanceRunIdentity(Path.of("/tmp/ws-orders"), "cafe1234"));
        connection = registry.connect(server.spec("pg-orders").user("dora_user").password(SecretString.of(PASSWORD))
                .options(Map.of(Correlation.QUERY_ID_COMMENT_OPTION, "true")).build());
        Session session = connection.openSession();

        RunningQuery sleeping = queries.submit(session, QueryRequest.of("SELECT pg_sleep(20)"), new ResultCollector(1));
        String[] seen = awaitBackendRunning("pg_sleep(20)");
        assertEquals("Dora ws=ws-orders s=cafe1234", seen[0]);
        assertEquals("/* dora:query_id=" + sleeping.id() + " session_id=cafe1234 */ SELECT pg_sleep(20)", seen[1]);
        PoolStats pool = connection.poolStats().orElseThrow();
        assertEquals(1, pool.active(), "the metrics' pool gauges read this: " + pool);
        assertEquals(0, pool.waiting());
        queries.cancel(sleeping.id());
        sleeping.await();

        // Dora's query events (and so its log lines, see io.dora.logging) name the same query and connection
        assertEquals(sleeping.id(), started.get(0).id());
        assertEquals("pg-orders", started.get(0).spec().id());
        assertFalse(connection.spec().toString().contains(PASSWORD), "the spec never shows its password");
    }

    @Test
    void withoutTheOptionTheStatementIsSentAsWritten() throws Exception {
        registry.addDriver(new PostgresDriver());
        connection = registry.connect(server.spec("pg-plain").build());
        Session session = connection.openSession();
        RunningQuery sleeping = queries.submit(session, QueryRequest.of("SELECT pg_sleep(21)"), new ResultCollector(1));
        String[] seen = awaitBackendRunning("pg_sleep(21)");
        assertEquals("Dora", seen[0], "no run identity: the plain product name");
        assertEquals("SELECT pg_sleep(21)", seen[1]);
        queries.cancel(sleeping.id());
        sleeping.await();
    }

    /** application_name and query of the backend running {@code text}, seen from outside Dora. */
    private static String[] awaitBackendRunning(String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Connection observer = server.observer(); Statement statement = observer.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery("SELECT application_name, query FROM pg_stat_activity"
                        + " WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%" + text + "%'")) {
                    if (rs.next()) {
                        return new String[] { rs.getString(1), rs.getString(2) };
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("No backend ran " + text + " within 10 s");
    }

}
