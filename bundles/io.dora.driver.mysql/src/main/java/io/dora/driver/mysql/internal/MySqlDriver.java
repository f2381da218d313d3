package io.dora.driver.mysql.internal;

import org.osgi.service.component.annotations.Component;

import io.dora.core.driver.Driver;
import io.dora.driver.jdbc.JdbcDriver;

/** The MySQL and MariaDB driver service. */
@Component(service = Driver.class, property = Driver.ID_PROPERTY + "=mysql")
public final class MySqlDriver extends JdbcDriver {

    public MySqlDriver() {
        super(new MySqlDialect());
    }
}
