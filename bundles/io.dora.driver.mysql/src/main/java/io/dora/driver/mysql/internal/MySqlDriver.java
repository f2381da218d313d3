package io.dora.driver.mysql.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.Driver;
import io.dora.driver.jdbc.JdbcDriver;

/** The MySQL and MariaDB driver service. */
@Component(service = Driver.class, property = Driver.ID_PROPERTY + "=mysql")
public final class MySqlDriver extends JdbcDriver {

    public MySqlDriver() {
        super(new MySqlDialect());
    }

    @Override
    public List<String> validate(ConnectionSpec spec) {
        // Connector/J reads key stores only; a PEM file would fail late, or worse, be ignored
        Stream<String> pemFiles = Stream.of(spec.tls().caCertificate(), spec.tls().clientCertificate())
                .filter(path -> path != null && !isKeyStore(path.getFileName().toString()))
                .map(path -> "MySQL needs TLS certificates as a PKCS#12 key store (.p12), not " + path.getFileName());
        return Stream.concat(super.validate(spec).stream(), pemFiles).toList();
    }

    private static boolean isKeyStore(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }
}
