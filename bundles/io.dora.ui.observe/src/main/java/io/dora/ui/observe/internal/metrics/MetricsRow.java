package io.dora.ui.observe.internal.metrics;

/**
 * One line of the Metrics view: the queries and the pool of one connection and driver. Percentiles are the
 * upper bounds of the histogram buckets they fall in (so "p95 ≤ 250 ms"); {@code NaN} when there is nothing
 * to measure. The pool numbers are -1 when the connection has no open pool.
 */
public record MetricsRow(String connectionId, String driver, long count, long errors, long cancellations,
        long timeouts, double meanMillis, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
        int poolActive, int poolIdle, int poolWaiting, int poolTotal, int poolMaximum) {

    public boolean hasPool() {
        return poolTotal >= 0;
    }
}
