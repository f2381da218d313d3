package io.dora.core.driver;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.error.DoraException;

/**
 * A database driver, registered as a Declarative Services component with the property
 * {@code dora.driver=<id>}. Drivers come and go at run time: the {@link DriverRegistry} closes the
 * connections a driver opened before the driver goes away.
 */
public interface Driver {

    /** The service property naming the driver id. */
    String ID_PROPERTY = "dora.driver";

    DriverInfo info();

    DriverCapabilities capabilities();

    /**
     * Driver-specific checks of a spec that has passed the generic validation; no network access.
     *
     * @return the problems found, empty when none
     */
    default List<String> validate(ConnectionSpec spec) {
        return List.of();
    }

    /**
     * Opens a connection: creates its pools and checks that the server answers. Callers go through
     * {@link ConnectionService#connect(ConnectionSpec)}, which validates the spec first.
     *
     * @throws DoraException when the server cannot be reached or refuses the login
     */
    DatabaseConnection connect(ConnectionSpec spec);

    /**
     * Opens a connection whose SSH route the engine has already opened: the server is reached at
     * {@code localHost:localPort}, the tunnel's loopback end. The default connects there as to any server; a
     * driver that must know it is tunnelled (to stop topology discovery, or to check TLS against the real
     * host name) overrides this.
     *
     * @param spec the caller's spec, with its SSH settings and real host
     */
    default DatabaseConnection connectThroughTunnel(ConnectionSpec spec, String localHost, int localPort) {
        return connect(spec.toBuilder().ssh(null).host(localHost).port(localPort).build());
    }
}
