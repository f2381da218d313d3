package io.dora.core.internal.query;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.schema.SchemaModel;

/** The connection a {@link ScriptedSession} says it belongs to: only its spec and driver are real. */
final class ScriptedConnection implements DatabaseConnection {

    static final DriverInfo DRIVER = new DriverInfo("scripted", "Scripted", EndpointKind.SERVER, 1, "postgres");

    private final Session session;
    private final ConnectionSpec spec;

    ScriptedConnection(Session session, ConnectionSpec spec) {
        this.session = session;
        this.spec = spec;
    }

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    @Override
    public DriverInfo driverInfo() {
        return DRIVER;
    }

    @Override
    public DriverCapabilities capabilities() {
        return DriverCapabilities.of(CancelSupport.SERVER);
    }

    @Override
    public ServerInfo serverInfo() {
        return new ServerInfo("Scripted", "1", 1, 0);
    }

    @Override
    public Session openSession() {
        return session;
    }

    @Override
    public SchemaModel schema() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public void close() {
        // nothing to close
    }
}
