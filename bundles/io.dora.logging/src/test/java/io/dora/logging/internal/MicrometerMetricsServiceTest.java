package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.PoolStats;
import io.dora.core.observe.QueryEnd.Outcome;
import io.dora.logging.metrics.PoolMetrics;
import io.dora.logging.metrics.QueryMetrics;

class MicrometerMetricsServiceTest {

    @Test
    void countsDurationsAndOutcomesPerConnectionAndDriver() throws Exception {
        MicrometerMetricsService metrics = new MicrometerMetricsService(Fixtures.noConnections());
        metrics.queryEnded(Fixtures.query(1, "orders", "SELECT 1"), Fixtures.end(Outcome.SUCCEEDED, 3, 1));
        metrics.queryEnded(Fixtures.query(2, "orders", "SELECT 1"), Fixtures.end(Outcome.SUCCEEDED, 40, 1));
        metrics.queryEnded(Fixtures.query(3, "orders", "SELECT 1"), Fixtures.end(Outcome.FAILED, 7, 0));
        metrics.queryEnded(Fixtures.query(4, "orders", "SELECT 1"), Fixtures.end(Outcome.CANCELLED, 900, 0));
        metrics.queryEnded(Fixtures.query(5, "orders", "SELECT 1"), Fixtures.end(Outcome.TIMEOUT, 2_000, 0));
        metrics.queryEnded(Fixtures.query(6, "billing", "SELECT 1"), Fixtures.end(Outcome.SUCCEEDED, 1, 1));

        QueryMetrics orders = metrics.snapshot().queries().stream().filter(q -> q.connectionId().equals("orders"))
                .findFirst().orElseThrow();
        assertEquals(5, orders.count());
        assertEquals(1, orders.errors());
        assertEquals(1, orders.cancellations());
        assertEquals(1, orders.timeouts());
        assertEquals(2_950, orders.totalMillis(), 0.001);
        assertEquals(2, orders.histogram().get(10.0), "at most 10 ms: 3 ms and 7 ms");
        assertEquals(4, orders.histogram().get(1_000.0));

        JsonNode json = new ObjectMapper().readTree(metrics.snapshotJson());
        JsonNode first = json.path("queries").get(0);
        assertEquals(2, json.path("queries").size());
        assertEquals("postgres", first.path("driver").asText());
        assertEquals(first.path("count").asLong(), first.path("histogramMillis").path("le_300000").asLong());
        assertEquals(0, json.path("pools").size());
    }

    @Test
    void poolGaugesFollowTheOpenConnections() throws Exception {
        List<DatabaseConnection> open = new ArrayList<>(List.of(pooled("orders", new PoolStats(2, 3, 1, 5, 10))));
        MicrometerMetricsService metrics = new MicrometerMetricsService(Fixtures.openConnections(() -> List.copyOf(open)));
        assertEquals(List.of(new PoolMetrics("orders", "postgres", 2, 3, 1, 5, 10)), metrics.snapshot().pools());
        JsonNode pool = new ObjectMapper().readTree(metrics.snapshotJson()).path("pools").get(0);
        assertEquals(1, pool.path("waiting").asInt());

        open.clear();
        assertEquals(List.of(), metrics.snapshot().pools(), "a closed connection's gauges are dropped");
    }

    /** An open connection whose pool reports the given numbers. */
    private static DatabaseConnection pooled(String id, PoolStats stats) {
        ConnectionSpec spec = Fixtures.spec(id);
        return (DatabaseConnection) Proxy.newProxyInstance(DatabaseConnection.class.getClassLoader(),
                new Class<?>[] { DatabaseConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "spec" -> spec;
                    case "driverInfo" -> Fixtures.POSTGRES;
                    case "poolStats" -> Optional.of(stats);
                    case "isClosed" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
