package io.dora.driver.postgres.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOptions;

/**
 * Measures, side by side in one run against an embedded PostgreSQL: (a) streaming 1,000,000 rows x 10
 * columns through Dora's engine vs a bare JDBC loop with the same fetch size, and (b) the latency from
 * cancel() until pg_stat_activity no longer shows the query. Run with {@code releng/bench-engine.sh}.
 */
public final class EngineBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int FETCH_SIZE = 1_000;
    private static final int ROUNDS = 5;
    private static final int CANCEL_TRIALS = 11;
    private static final String QUERY = "SELECT * FROM bench";

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM max heap: %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            server.execute("CREATE TABLE bench AS SELECT g AS c1, g * 2 AS c2, md5(g::text) AS c3,"
                    + " g::numeric / 7 AS c4, now() AS c5, g % 100 AS c6, 'label-' || g AS c7, g::float8 / 3 AS c8,"
                    + " g % 2 = 0 AS c9, repeat('x', 20) AS c10 FROM generate_series(1, " + ROWS + ") g; ANALYZE bench");
            DriverRegistryService registry = new DriverRegistryService(true);
            registry.addDriver(new PostgresDriver());
            QueryManagerService queries = new QueryManagerService();
            try (DatabaseConnection connection = registry.connect(server.spec("bench").build());
                    Session session = connection.openSession()) {
                streaming(server, queries, session);
                cancelLatency(server, queries, session);
            } finally {
                queries.shutdown();
            }
        }
    }

    private static void streaming(EmbeddedPostgresServer server, QueryManagerService queries, Session session)
            throws Exception {
        long[] bare = new long[ROUNDS];
        long[] dora = new long[ROUNDS];
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        // one connection for the bare loop too, as Dora's pool keeps its own: neither side pays a connect
        try (Connection connection = new org.postgresql.Driver().connect(server.jdbcUrl(), properties)) {
            connection.setAutoCommit(false);
            bareJdbc(connection); // warm-up both paths
            throughDora(queries, session);
            for (int round = 0; round < ROUNDS; round++) {
                bare[round] = bareJdbc(connection);
                dora[round] = throughDora(queries, session);
            }
        }
        long bareMedian = median(bare);
        long doraMedian = median(dora);
        System.out.printf("(a) streaming %,d rows x 10 columns, fetch size %d, median of %d rounds:%n", ROWS, FETCH_SIZE, ROUNDS);
        System.out.printf("    bare JDBC %d ms, Dora %d ms, ratio Dora/bare = %.3f (target <= 1.15)%n",
                bareMedian, doraMedian, (double) doraMedian / bareMedian);
    }

    /** The same work Dora does per row (getObject for every column into a new array), without Dora. */
    private static long bareJdbc(Connection connection) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(QUERY)) {
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[width];
                    for (int column = 0; column < width; column++) {
                        row[column] = rs.getObject(column + 1);
                    }
                    rows += row.length > 0 ? 1 : 0;
                }
            }
        }
        connection.commit();
        return check(rows, start);
    }

    private static long throughDora(QueryManagerService queries, Session session) throws Exception {
        long[] rows = { 0 };
        ResultSink counter = new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                rows[0]++;
                return true;
            }
        };
        long start = System.nanoTime();
        QueryOutcome outcome = queries.execute(session,
                QueryRequest.of(QUERY).withOptions(new StatementOptions(FETCH_SIZE, 0)), counter);
        if (!outcome.succeeded()) {
            throw outcome.failure().orElseThrow();
        }
        return check(rows[0], start);
    }

    private static long check(long rows, long start) {
        if (rows != ROWS) {
            throw new IllegalStateException("read " + rows + " rows, expected " + ROWS);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void cancelLatency(EmbeddedPostgresServer server, QueryManagerService queries, Session session)
            throws Exception {
        long[] latencies = new long[CANCEL_TRIALS];
        for (int trial = 0; trial < CANCEL_TRIALS; trial++) {
            RunningQuery sleeping = queries.submit(session, QueryRequest.of("SELECT pg_sleep(30)"), new ResultCollector(1));
            while (server.activeQueriesLike("pg_sleep(30)") == 0) {
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            sleeping.cancel();
            while (server.activeQueriesLike("pg_sleep(30)") > 0) {
                Thread.sleep(1);
            }
            latencies[trial] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            sleeping.await();
        }
        Arrays.sort(latencies);
        System.out.printf("(b) PostgreSQL cancel() until gone from pg_stat_activity, %d trials: median %.1f ms,"
                + " max %.1f ms (target median <= 500 ms)%n", CANCEL_TRIALS, median(latencies) / 1000.0,
                latencies[CANCEL_TRIALS - 1] / 1000.0);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
