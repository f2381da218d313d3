package io.dora.core.internal.query;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.connection.Environment;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.schema.SchemaModel;

/** The connection a {@link ScriptedSession} says it belongs to: only its spec and driver are real. */
final class ScriptedConnection implements DatabaseConnection {

    static final ConnectionSpec SPEC = ConnectionSpec.builder("scripted", "scripted").environment(Environment.STAGING).build();
    static final DriverInfo DRIVER = new DriverInfo("scripted", "Scripted", EndpointKind.FILE, 0, "postgres");

    private final Session session;

    ScriptedConnection(Session session) {
        this.session = session;
    }

    @Override
    public ConnectionSpec spec() {
        return SPEC;
    }

    @Override
    public DriverInfo driverInfo() {
        return DRIVER;
    }

    @Override
    public DriverCapabilities capabilities() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServerInfo serverInfo() {
        throw new UnsupportedOperationException();
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
