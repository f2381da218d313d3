package io.dora.logging.metrics;

import java.util.Map;

/**
 * The queries run on one connection since start.
 *
 * @param connectionId  the connection spec's id
 * @param driver        the driver's id
 * @param count         queries that ended
 * @param errors        of which failed
 * @param cancellations of which were cancelled (by a user or because the connection closed)
 * @param timeouts      of which ran past their timeout
 * @param totalMillis   their summed duration
 * @param maxMillis     the longest one (over the last few minutes, as Micrometer keeps it)
 * @param histogram     the duration histogram: upper bound in milliseconds to the number of queries at most
 *                      that long (cumulative)
 */
public record QueryMetrics(String connectionId, String driver, long count, long errors, long cancellations,
        long timeouts, double totalMillis, double maxMillis, Map<Double, Long> histogram) {

    public QueryMetrics {
        histogram = Map.copyOf(histogram);
    }

    public double meanMillis() {
        return count == 0 ? 0 : totalMillis / count;
    }
}
