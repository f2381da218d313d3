package io.dora.core.internal.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.ConnectionSpecValidator;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.DriverListener;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.observe.Correlation;
import io.dora.core.observe.LogKeys;
import io.dora.core.observe.RunIdentity;

/**
 * The installed drivers and the connections opened through them. Drivers are bound dynamically: when one
 * goes away, the connections it opened are closed (cancelling their queries, closing their pools) before
 * it is dropped.
 */
@Component(service = { DriverRegistry.class, ConnectionService.class })
public final class DriverRegistryService implements DriverRegistry, ConnectionService {

    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistryService.class);

    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
    private final Map<String, List<DatabaseConnection>> connectionsByDriver = new ConcurrentHashMap<>();
    private final List<DriverListener> listeners = new CopyOnWriteArrayList<>();
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
    public DatabaseConnection connect(ConnectionSpec spec) {
        List<String> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Driver driver = drivers.get(spec.driverId());
        RunIdentity runIdentity = identity;
        ConnectionSpec correlated = runIdentity == null ? spec : Correlation.withIdentity(spec, runIdentity);
        DatabaseConnection connection;
        try {
            // the driver's lines about connecting carry the connection's keys
            connection = LogKeys.withConnection(spec, () -> driver.connect(correlated));
        } catch (DoraException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Driver '{}' failed to connect '{}'", spec.driverId(), spec.name(), e);
            throw new DoraException(ErrorKind.INTERNAL, "The driver '" + spec.driverId() + "' failed: "
                    + e.getClass().getSimpleName(), e);
        }
        connectionsByDriver.computeIfAbsent(spec.driverId(), id -> new CopyOnWriteArrayList<>()).add(connection);
        if (drivers.get(spec.driverId()) != driver) {
            // the driver went away while we connected: do not keep a connection nobody will close
            closeSafely(connection);
            throw new InvalidInputException(List.of("The driver '" + spec.driverId() + "' was uninstalled"));
        }
        return connection;
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
