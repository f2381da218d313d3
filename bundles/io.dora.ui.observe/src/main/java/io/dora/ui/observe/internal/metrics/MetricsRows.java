package io.dora.ui.observe.internal.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.dora.logging.metrics.MetricsSnapshot;
import io.dora.logging.metrics.PoolMetrics;
import io.dora.logging.metrics.QueryMetrics;

/** Turns a metrics snapshot into the Metrics view's rows and their texts; no SWT, so it is unit-tested. */
public final class MetricsRows {

    private MetricsRows() {
    }

    /**
     * One row per connection and driver that ran queries or has a pool open, sorted by connection then driver.
     */
    public static List<MetricsRow> of(MetricsSnapshot snapshot) {
        Map<String, QueryMetrics> queries = new LinkedHashMap<>();
        snapshot.queries().forEach(q -> queries.put(key(q.connectionId(), q.driver()), q));
        Map<String, PoolMetrics> pools = new LinkedHashMap<>();
        snapshot.pools().forEach(p -> pools.put(key(p.connectionId(), p.driver()), p));

        List<MetricsRow> rows = new ArrayList<>();
        for (Map.Entry<String, QueryMetrics> entry : queries.entrySet()) {
            rows.add(row(entry.getValue(), pools.remove(entry.getKey())));
        }
        for (PoolMetrics pool : pools.values()) {
            rows.add(new MetricsRow(pool.connectionId(), pool.driver(), 0, 0, 0, 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, pool.active(), pool.idle(), pool.waiting(), pool.total(),
                    pool.maximum()));
        }
        rows.sort(Comparator.comparing(MetricsRow::connectionId).thenComparing(MetricsRow::driver));
        return List.copyOf(rows);
    }

    private static MetricsRow row(QueryMetrics q, PoolMetrics pool) {
        boolean none = q.count() == 0;
        return new MetricsRow(q.connectionId(), q.driver(), q.count(), q.errors(), q.cancellations(), q.timeouts(),
                none ? Double.NaN : q.meanMillis(), percentile(q, 0.50), percentile(q, 0.95), percentile(q, 0.99),
                none ? Double.NaN : q.maxMillis(),
                pool == null ? -1 : pool.active(), pool == null ? -1 : pool.idle(),
                pool == null ? -1 : pool.waiting(), pool == null ? -1 : pool.total(),
                pool == null ? -1 : pool.maximum());
    }

    /**
     * The upper bound of the first bucket holding at least the given share of the queries (the histogram is
     * cumulative); the maximum when they fall past the last bucket, {@code NaN} without queries.
     */
    static double percentile(QueryMetrics q, double share) {
        if (q.count() == 0) {
            return Double.NaN;
        }
        double wanted = Math.ceil(q.count() * share);
        for (Map.Entry<Double, Long> bucket : new TreeMap<>(q.histogram()).entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey();
            }
        }
        return q.maxMillis();
    }

    /** A duration for a cell: "–" for none, "0.4 ms", "12 ms", "1.5 s", "2.0 min". */
    public static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    }

    /** A pool number for a cell: "–" when the connection has no pool open. */
    public static String pool(int value) {
        return value < 0 ? "–" : Integer.toString(value);
    }

    /** The view's summary line. */
    public static String summary(List<MetricsRow> rows) {
        long queries = rows.stream().mapToLong(MetricsRow::count).sum();
        long errors = rows.stream().mapToLong(MetricsRow::errors).sum();
        long pools = rows.stream().filter(MetricsRow::hasPool).count();
        if (rows.isEmpty()) {
            return "No queries since start and no connection open.";
        }
        return String.format(Locale.ROOT, "%d %s on %d %s since start, %d failed; %d %s open.", queries,
                queries == 1 ? "query" : "queries", rows.size(), rows.size() == 1 ? "connection" : "connections",
                errors, pools, pools == 1 ? "pool" : "pools");
    }

    private static String key(String connectionId, String driver) {
        return connectionId + '\u0000' + driver;
    }
}
