package io.dora.ui.observe.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dora.logging.metrics.MetricsSnapshot;
import io.dora.logging.metrics.PoolMetrics;
import io.dora.logging.metrics.QueryMetrics;

class MetricsRowsTest {

    /** 10 queries: 5 within 1 ms, 9 within 10 ms, all 10 within 100 ms (the histogram is cumulative). */
    private static final QueryMetrics PG = new QueryMetrics("prod", "postgres", 10, 2, 1, 1, 250.0, 80.0,
            Map.of(1.0, 5L, 10.0, 9L, 100.0, 10L, 1000.0, 10L));

    @Test
    void joinsQueriesAndPoolsPerConnectionAndDriverSortedByConnection() {
        PoolMetrics pgPool = new PoolMetrics("prod", "postgres", 1, 2, 3, 3, 10);
        PoolMetrics idlePool = new PoolMetrics("analytics", "mysql", 0, 1, 0, 1, 5);
        List<MetricsRow> rows = MetricsRows.of(new MetricsSnapshot(Instant.now(), List.of(PG), List.of(pgPool, idlePool)));

        assertEquals(List.of("analytics", "prod"), rows.stream().map(MetricsRow::connectionId).toList());
        MetricsRow analytics = rows.get(0);
        assertEquals(0, analytics.count());
        assertTrue(Double.isNaN(analytics.meanMillis()), "no queries, no mean");
        assertEquals(1, analytics.poolIdle());
        assertEquals(5, analytics.poolMaximum());

        MetricsRow prod = rows.get(1);
        assertEquals("postgres", prod.driver());
        assertEquals(10, prod.count());
        assertEquals(2, prod.errors());
        assertEquals(1, prod.cancellations());
        assertEquals(1, prod.timeouts());
        assertEquals(25.0, prod.meanMillis());
        assertEquals(80.0, prod.maxMillis());
        assertEquals(1, prod.poolActive());
        assertEquals(2, prod.poolIdle());
        assertEquals(3, prod.poolWaiting());
        assertTrue(prod.hasPool());
    }

    @Test
    void percentilesAreTheBucketBoundsTheyFallUnder() {
        MetricsRow row = MetricsRows.of(new MetricsSnapshot(Instant.now(), List.of(PG), List.of())).get(0);
        assertEquals(1.0, row.p50Millis(), "the 5th of 10 queries is in the 1 ms bucket");
        assertEquals(100.0, row.p95Millis(), "the 10th is only in the 100 ms bucket");
        assertEquals(100.0, row.p99Millis());
        assertFalse(row.hasPool(), "no pool open for this connection");
        assertEquals("–", MetricsRows.pool(row.poolActive()));
    }

    @Test
    void queriesPastTheLastBucketReportTheMaximum() {
        QueryMetrics slow = new QueryMetrics("c", "sqlite", 2, 0, 0, 0, 800_000, 500_000, Map.of(300_000.0, 1L));
        assertEquals(500_000.0, MetricsRows.percentile(slow, 0.99));
    }

    @Test
    void cellTextsAndSummary() {
        assertEquals("–", MetricsRows.millis(Double.NaN));
        assertEquals("0.4 ms", MetricsRows.millis(0.43));
        assertEquals("250 ms", MetricsRows.millis(250));
        assertEquals("1.5 s", MetricsRows.millis(1500));
        assertEquals("2.0 min", MetricsRows.millis(120_000));
        assertEquals("No queries since start and no connection open.", MetricsRows.summary(List.of()));
        List<MetricsRow> rows = MetricsRows.of(new MetricsSnapshot(Instant.now(), List.of(PG),
                List.of(new PoolMetrics("prod", "postgres", 0, 1, 0, 1, 10))));
        assertEquals("10 queries on 1 connection since start, 2 failed; 1 pool open.", MetricsRows.summary(rows));
    }
}
