package io.dora.logging.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The metrics at one moment.
 *
 * @param takenAt when
 * @param queries per connection and driver
 * @param pools   the pools of the connections open now
 */
public record MetricsSnapshot(Instant takenAt, List<QueryMetrics> queries, List<PoolMetrics> pools) {

    public MetricsSnapshot {
        queries = List.copyOf(queries);
        pools = List.copyOf(pools);
    }
}
