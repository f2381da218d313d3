package io.dora.driver.mysql.internal;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;

/**
 * Measures the latency from cancel() until information_schema.PROCESSLIST no longer shows the query, on a
 * throw-away MariaDB. Run with {@code releng/bench-engine.sh}.
 */
public final class CancelLatencyBenchmark {

    private static final int TRIALS = 11;

    private CancelLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (MariaDbServer server = MariaDbServer.start()) {
            DriverRegistryService registry = new DriverRegistryService(true);
            registry.addDriver(new MySqlDriver());
            QueryManagerService queries = new QueryManagerService();
            try (DatabaseConnection connection = registry.connect(server.spec("bench").build());
                    Session session = connection.openSession()) {
                long[] latencies = new long[TRIALS];
                for (int trial = 0; trial < TRIALS; trial++) {
                    RunningQuery sleeping = queries.submit(session, QueryRequest.of("SELECT SLEEP(30)"), new ResultCollector(1));
                    while (server.activeQueriesLike("SLEEP(30)") == 0) {
                        Thread.sleep(5);
                    }
                    long start = System.nanoTime();
                    sleeping.cancel();
                    while (server.activeQueriesLike("SLEEP(30)") > 0) {
                        Thread.sleep(1);
                    }
                    latencies[trial] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                    sleeping.await();
                }
                Arrays.sort(latencies);
                System.out.printf("(b) %s cancel() until gone from PROCESSLIST, %d trials: median %.1f ms, max %.1f ms"
                        + " (target median <= 500 ms)%n", connection.serverInfo(), TRIALS,
                        latencies[TRIALS / 2] / 1000.0, latencies[TRIALS - 1] / 1000.0);
            } finally {
                queries.shutdown();
            }
        }
    }
}
