package io.dora.core.driver;

import java.util.Optional;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.schema.SchemaModel;

/**
 * An open connection: the pools behind one {@link ConnectionSpec}. Work happens in {@link Session}s;
 * schema reads go through {@link #schema()} on connections of their own, so they never wait behind a
 * running query. Thread-safe.
 */
public interface DatabaseConnection extends AutoCloseable {

    ConnectionSpec spec();

    DriverInfo driverInfo();

    DriverCapabilities capabilities();

    ServerInfo serverInfo();

    /** Opens a session; sessions are cheap until they pin a physical connection. */
    Session openSession();

    /** The schema of this connection, loaded lazily and cached until refreshed. */
    SchemaModel schema();

    boolean isClosed();

    /** The query pool's usage now; empty for connections without a pool. */
    default Optional<PoolStats> poolStats() {
        return Optional.empty();
    }

    /** Cancels what runs, closes every session and the pools. Idempotent. */
    @Override
    void close();
}
