package io.dora.core.internal.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.ConnectionSpecValidator;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.DriverListener;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.SshTunnelBackend;
import io.dora.core.net.SshTunnelException;
import io.dora.core.net.Tunnel;
import io.dora.core.observe.Correlation;
import io.dora.core.observe.LogKeys;
import io.dora.core.observe.RunIdentity;

/**
 * The installed drivers and the connections opened through them. Drivers are bound dynamically: when one
 * goes away, the connections it opened are closed (cancelling their queries, closing their pools) before
 * it is dropped.
 *
 * <p>Connections are opened by id ({@link #connectById}): the profile comes from the bound
 * {@link ConnectionCatalog}s (the built-in connections first, then the vault's) at every open. A raw spec is
 * opened only when raw connects were enabled for development ({@value ConnectionService#RAW_CONNECT_PROPERTY}).
 */
@Component(service = { DriverRegistry.class, ConnectionService.class })
public final class DriverRegistryService implements DriverRegistry, ConnectionService {

    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistryService.class);

    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
    private final Map<String, List<DatabaseConnection>> connectionsByDriver = new ConcurrentHashMap<>();
    private final List<DriverListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionCatalog> catalogs = new CopyOnWriteArrayList<>();
    private final List<BuiltInConnectionProvider> builtIns = new CopyOnWriteArrayList<>();
    private final boolean rawConnectAllowed;

    /** The service: raw connects only when the system property {@value ConnectionService#RAW_CONNECT_PROPERTY} is true. */
    public DriverRegistryService() {
        this(Boolean.getBoolean(RAW_CONNECT_PROPERTY));
    }

    /** @param rawConnectAllowed whether {@link #connect(ConnectionSpec)} opens raw specs (development and driver tests) */
    public DriverRegistryService(boolean rawConnectAllowed) {
        this.rawConnectAllowed = rawConnectAllowed;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addCatalog(ConnectionCatalog catalog) {
        catalogs.add(catalog);
    }

    public void removeCatalog(ConnectionCatalog catalog) {
        catalogs.remove(catalog);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addBuiltIns(BuiltInConnectionProvider provider) {
        builtIns.add(provider);
    }

    public void removeBuiltIns(BuiltInConnectionProvider provider) {
        builtIns.remove(provider);
    }

    /** Optional: without it, specs with an SSH route fail with a clear error instead of connecting directly. */
    private volatile SshTunnelBackend tunnels;
    private volatile RunIdentity identity;

    /** The run's identity, carried into every connection's session data on the server. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setRunIdentity(RunIdentity runIdentity) {
        identity = runIdentity;
    }

    public void unsetRunIdentity(RunIdentity runIdentity) {
        if (identity == runIdentity) {
            identity = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(Driver driver) {
        DriverInfo info = driver.info();
        Driver previous = drivers.putIfAbsent(info.id(), driver);
        if (previous != null) {
            LOG.warn("Driver id '{}' is already taken by {}; ignoring {}", info.id(), previous.getClass().getName(),
                    driver.getClass().getName());
            return;
        }
        LOG.info("Driver added: {} ({})", info.id(), info.displayName());
        listeners.forEach(listener -> notifySafely(() -> listener.driverAdded(info)));
    }

    public void removeDriver(Driver driver) {
        DriverInfo info = driver.info();
        if (!drivers.remove(info.id(), driver)) {
            return;
        }
        List<DatabaseConnection> open = connectionsByDriver.remove(info.id());
        if (open != null) {
            open.forEach(DriverRegistryService::closeSafely);
        }
        LOG.info("Driver removed: {}, {} connection(s) closed", info.id(), open == null ? 0 : open.size());
        listeners.forEach(listener -> notifySafely(() -> listener.driverRemoved(info)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setTunnelBackend(SshTunnelBackend backend) {
        tunnels = backend;
    }

    public void unsetTunnelBackend(SshTunnelBackend backend) {
        if (tunnels == backend) {
            tunnels = null;
        }
    }

    @Deactivate
    void deactivate() {
        connectionsByDriver.values().forEach(list -> list.forEach(DriverRegistryService::closeSafely));
        connectionsByDriver.clear();
        listeners.clear();
    }

    @Override
    public List<Driver> drivers() {
        return drivers.values().stream().sorted(Comparator.comparing(d -> d.info().id())).toList();
    }

    @Override
    public Optional<Driver> driver(String id) {
        return Optional.ofNullable(drivers.get(id));
    }

    @Override
    public void addListener(DriverListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DriverListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<String> validate(ConnectionSpec spec) {
        Driver driver = drivers.get(spec.driverId());
        List<String> problems = new ArrayList<>(ConnectionSpecValidator.problems(spec,
                driver == null ? null : driver.info().endpoint(), drivers().stream().map(d -> d.info().id()).toList()));
        if (driver != null && problems.isEmpty()) {
            try {
                problems.addAll(driver.validate(spec));
            } catch (RuntimeException e) {
                // a broken driver must not break its caller: its spec is refused, the failure logged
                LOG.error("Driver '{}' failed to validate a spec", spec.driverId(), e);
                problems.add("The driver '" + spec.driverId() + "' failed to check the settings");
            }
        }
        return problems;
    }

    @Override
    public DatabaseConnection connectById(String connectionId) {
        return open(profile(connectionId).spec());
    }

    @Override
    public DatabaseConnection connect(ConnectionSpec spec) {
        if (!rawConnectAllowed) {
            throw new DoraException(ErrorKind.UNSUPPORTED, "Connecting with a raw connection spec is for development"
                    + " only (start with -D" + RAW_CONNECT_PROPERTY + "=true): save the connection and connect by id");
        }
        return open(spec);
    }

    /** The saved profile, read afresh: built-in connections first, then the catalogs (the vault). */
    private ConnectionProfile profile(String connectionId) {
        if (connectionId == null || connectionId.isBlank()) {
            throw new InvalidInputException(List.of("No connection id was given"));
        }
        for (BuiltInConnectionProvider provider : builtIns) {
            for (ConnectionSpec spec : builtInConnections(provider)) {
                if (spec.id().equals(connectionId)) {
                    return new ConnectionProfile("", spec);
                }
            }
        }
        // a catalog that cannot answer (a locked vault) does not hide the others: its error counts only when
        // no catalog has the connection
        DoraException unanswered = null;
        for (ConnectionCatalog catalog : catalogs) {
            Optional<ConnectionProfile> found;
            try {
                found = catalog.find(connectionId);
            } catch (DoraException e) {
                unanswered = unanswered == null ? e : unanswered;
                continue;
            } catch (RuntimeException e) {
                // a broken catalog must not break its caller: the connection is refused, the failure logged
                LOG.error("The connection catalog {} failed to read '{}'", catalog.getClass().getName(), connectionId, e);
                throw new DoraException(ErrorKind.INTERNAL, "The connection catalog failed to read '" + connectionId + "'", e);
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (unanswered != null) {
            throw unanswered;
        }
        throw new InvalidInputException(List.of(catalogs.isEmpty()
                ? "No saved connection '" + connectionId + "': no connection catalog (the vault) is installed"
                : "No saved connection '" + connectionId + "'"));
    }

    private static List<ConnectionSpec> builtInConnections(BuiltInConnectionProvider provider) {
        try {
            return provider.builtInConnections();
        } catch (RuntimeException e) {
            LOG.warn("The built-in connections of {} could not be read", provider.getClass().getName(), e);
            return List.of();
        }
    }

    private DatabaseConnection open(ConnectionSpec spec) {
        List<String> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Driver driver = drivers.get(spec.driverId());
        RunIdentity runIdentity = identity;
        ConnectionSpec correlated = runIdentity == null ? spec : Correlation.withIdentity(spec, runIdentity);
        // the driver's lines about connecting carry the connection's keys
        DatabaseConnection connection = LogKeys.withConnection(spec, () -> {
            try {
                return correlated.ssh() == null ? connectDriver(correlated, () -> driver.connect(correlated))
                        : connectThroughSsh(driver, correlated);
            } catch (DoraException e) {
                // "why did it not connect at 14:02?" is answered from the log; typed messages carry no secret
                LOG.warn("Could not connect '{}': [{}] {}", spec.name(), e.kind(), e.getMessage());
                throw e;
            }
        });
        connectionsByDriver.computeIfAbsent(spec.driverId(), id -> new CopyOnWriteArrayList<>()).add(connection);
        if (drivers.get(spec.driverId()) != driver) {
            // the driver went away while we connected: do not keep a connection nobody will close
            closeSafely(connection);
            throw new InvalidInputException(List.of("The driver '" + spec.driverId() + "' was uninstalled"));
        }
        return connection;
    }

    /**
     * Opens (or shares) the spec's tunnel and lets the driver connect to its local port; the driver sees a
     * direct spec to 127.0.0.1, the caller keeps the spec it wrote.
     */
    private DatabaseConnection connectThroughSsh(Driver driver, ConnectionSpec spec) {
        SshTunnelBackend backend = tunnels;
        if (backend == null) {
            throw new SshTunnelException(SshTunnelException.Failure.NO_BACKEND, 0, "The connection '" + spec.name()
                    + "' goes through SSH, but no SSH tunnel backend is installed (bundle io.dora.net.ssh)");
        }
        int port = spec.port() == 0 ? driver.info().defaultPort() : spec.port();
        Tunnel tunnel = backend.open(spec.ssh(), spec.host(), port);
        try {
            return new TunneledConnection(spec,
                    connectDriver(spec, () -> driver.connectThroughTunnel(spec, "127.0.0.1", tunnel.localPort())),
                    tunnel);
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    /** Runs the driver's connect behind a boundary: a driver's bug becomes a typed error, not a crash. */
    private static DatabaseConnection connectDriver(ConnectionSpec spec, Supplier<DatabaseConnection> connect) {
        try {
            return connect.get();
        } catch (DoraException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Driver '{}' failed to connect '{}'", spec.driverId(), spec.name(), e);
            throw new DoraException(ErrorKind.INTERNAL, "The driver '" + spec.driverId() + "' failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public List<DatabaseConnection> openConnections() {
        connectionsByDriver.values().forEach(list -> list.removeIf(DatabaseConnection::isClosed));
        return connectionsByDriver.values().stream().flatMap(List::stream).toList();
    }

    private static void closeSafely(DatabaseConnection connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing connection '{}' failed", connection.spec().name(), e);
        }
    }

    private static void notifySafely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A driver listener failed", e);
        }
    }
}
