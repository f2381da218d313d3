package io.dora.driver.jdbc;

import java.util.ArrayList;
import java.util.List;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
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
    public List<String> validate(ConnectionSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.ssh() != null) {
            // fail closed: a spec that asks for a tunnel must never silently connect directly
            problems.add("SSH tunnels are not available for " + dialect.info().displayName() + " yet");
        }
        return problems;
    }

    @Override
    public DatabaseConnection connect(ConnectionSpec spec) {
        return JdbcDatabaseConnection.open(spec, dialect);
    }
}
