package io.dora.core.internal.driver;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.net.Tunnel;
import io.dora.core.schema.SchemaModel;

/**
 * A connection whose driver reaches the database through an SSH tunnel's local port. It shows the spec the
 * user wrote (not 127.0.0.1), checks the tunnel before each new session, so a route that died is rebuilt, or
 * reported with the failing hop, before the pool tries the dead port, and releases the tunnel when closed.
 */
final class TunneledConnection implements DatabaseConnection {

    private final ConnectionSpec spec;
    private final DatabaseConnection routed;
    private final Tunnel tunnel;

    TunneledConnection(ConnectionSpec spec, DatabaseConnection routed, Tunnel tunnel) {
        this.spec = spec;
        this.routed = routed;
        this.tunnel = tunnel;
    }

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    @Override
    public DriverInfo driverInfo() {
        return routed.driverInfo();
    }

    @Override
    public DriverCapabilities capabilities() {
        return routed.capabilities();
    }

    @Override
    public ServerInfo serverInfo() {
        return routed.serverInfo();
    }

    @Override
    public Session openSession() {
        if (!routed.isClosed()) {
            tunnel.ensureOpen();
        }
        return routed.openSession();
    }

    @Override
    public SchemaModel schema() {
        return routed.schema();
    }

    @Override
    public boolean isClosed() {
        return routed.isClosed();
    }

    @Override
    public void close() {
        try {
            routed.close();
        } finally {
            tunnel.close();
        }
    }
}
