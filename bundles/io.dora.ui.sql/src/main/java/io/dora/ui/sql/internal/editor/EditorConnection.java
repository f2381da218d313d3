package io.dora.ui.sql.internal.editor;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.QueryManager;

/**
 * The database side of one editor: its own connection and the one session pinned to the editor, opened on
 * first use, and the query manager that runs its statements. Methods that touch the network run in jobs.
 */
final class EditorConnection implements AutoCloseable {

    private final ConnectionSpec spec;
    private final ServiceTracker<ConnectionService, ConnectionService> connectionServices;
    private final ServiceTracker<QueryManager, QueryManager> queryManagers;
    private final ServiceTracker<DriverRegistry, DriverRegistry> drivers;
    private DatabaseConnection connection;
    private Session session;

    EditorConnection(ConnectionSpec spec) {
        this.spec = spec;
        BundleContext context = FrameworkUtil.getBundle(EditorConnection.class).getBundleContext();
        connectionServices = new ServiceTracker<>(context, ConnectionService.class, null);
        queryManagers = new ServiceTracker<>(context, QueryManager.class, null);
        drivers = new ServiceTracker<>(context, DriverRegistry.class, null);
        connectionServices.open();
        queryManagers.open();
        drivers.open();
    }

    /** The SQL dialect (or query language) of the connection's driver; the driver id when it is not installed. */
    String dialect() {
        DatabaseConnection connected = connection();
        String driverId = connected != null ? connected.spec().driverId() : spec.driverId();
        DriverRegistry registry = drivers.getService();
        return registry == null ? driverId
                : registry.driver(driverId).map(driver -> driver.info().dialect()).orElse(driverId);
    }

    /** The editor's session, connecting first when needed. Blocks on the network: call from a job. */
    synchronized Session session() {
        if (session == null || session.isClosed()) {
            if (connection == null || connection.isClosed()) {
                ConnectionService service = connectionServices.getService();
                if (service == null) {
                    throw new DoraException(ErrorKind.INTERNAL, "No connection service is installed.");
                }
                // by id: the vault, not the editor, says what the connection is (environment, read-only)
                connection = service.connectById(spec.id());
            }
            session = connection.openSession();
        }
        return session;
    }

    /** The connection once {@link #session()} opened it, else null. */
    synchronized DatabaseConnection connection() {
        return connection;
    }

    QueryManager queryManager() {
        QueryManager manager = queryManagers.getService();
        if (manager == null) {
            throw new DoraException(ErrorKind.INTERNAL, "No query manager is installed.");
        }
        return manager;
    }

    /** Rolls back what is open and closes the connection. Blocks on the network: call from a job. */
    @Override
    public synchronized void close() {
        try {
            if (session != null) {
                session.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            connectionServices.close();
            queryManagers.close();
            drivers.close();
        }
    }
}
