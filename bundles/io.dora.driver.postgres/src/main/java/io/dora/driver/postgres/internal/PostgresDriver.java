package io.dora.driver.postgres.internal;

import org.osgi.service.component.annotations.Component;

import io.dora.core.driver.Driver;
import io.dora.driver.jdbc.JdbcDriver;

/** The PostgreSQL driver service. */
@Component(service = Driver.class, property = Driver.ID_PROPERTY + "=postgres")
public final class PostgresDriver extends JdbcDriver {

    public PostgresDriver() {
        super(new PostgresDialect());
    }
}
