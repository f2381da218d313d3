package io.dora.core.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * The connection pool of one connection (query connections; metadata reads and cancels use a small pool of
 * their own).
 *
 * @param maxSize           the most physical connections open at once, pinned sessions included
 * @param minIdle           connections kept open while idle
 * @param idleTimeout       how long a connection above {@code minIdle} may sit idle before it is closed
 * @param maxLifetime       the age at which a connection is retired (when not in use)
 * @param connectionTimeout how long to wait for a connection (network and pool) before failing
 * @param validationTimeout how long the liveness check of a borrowed connection may take
 */
public record PoolSettings(int maxSize, int minIdle, Duration idleTimeout, Duration maxLifetime,
        Duration connectionTimeout, Duration validationTimeout) {

    public PoolSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(validationTimeout, "validationTimeout");
    }

    public static PoolSettings defaults() {
        return new PoolSettings(8, 0, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    public PoolSettings withMaxSize(int size) {
        return new PoolSettings(size, minIdle, idleTimeout, maxLifetime, connectionTimeout, validationTimeout);
    }
}
