package io.dora.core.driver;

/**
 * A snapshot of a connection's query pool.
 *
 * @param active  connections lent out now
 * @param idle    connections waiting in the pool
 * @param waiting threads waiting for a connection
 * @param total   connections open (active + idle)
 * @param maximum the pool's size limit
 */
public record PoolStats(int active, int idle, int waiting, int total, int maximum) {
}
