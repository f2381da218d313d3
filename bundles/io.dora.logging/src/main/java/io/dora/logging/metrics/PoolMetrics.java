package io.dora.logging.metrics;

/**
 * The query pool of one open connection.
 *
 * @param connectionId the connection spec's id
 * @param driver       the driver's id
 * @param active       connections in use
 * @param idle         connections waiting in the pool
 * @param waiting      threads waiting for a connection
 * @param total        connections open
 * @param maximum      the pool's limit
 */
public record PoolMetrics(String connectionId, String driver, int active, int idle, int waiting, int total,
        int maximum) {
}
