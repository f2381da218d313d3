package io.dora.driver.jdbc;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.error.InvalidInputException;
import io.dora.driver.jdbc.internal.JdbcDatabaseConnection;

/**
 * A driver for a JDBC database: the shared engine configured by a {@link JdbcDialect}. Each database's
 * bundle registers a subclass as a DS component with {@code dora.driver=<id>}.
 */
public abstract class JdbcDriver implements Driver {

    private final JdbcDialect dialect;

    protected JdbcDriver(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    protected JdbcDialect dialect() {
        return dialect;
    }

    @Override
    public DriverInfo info() {
        return dialect.info();
    }

    @Override
    public DriverCapabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public DatabaseConnection connect(ConnectionSpec spec) {
        if (spec.ssh() != null) {
            // fail closed: the engine opens the tunnel and hands over a spec to its local port
            throw new InvalidInputException(List.of("An SSH route must be opened through the ConnectionService"));
        }
        return JdbcDatabaseConnection.open(spec, dialect);
    }
}
