package io.dora.core.driver;

import java.util.Objects;

import io.dora.core.connection.EndpointKind;

/**
 * Describes a driver to users and to the validator.
 *
 * @param id          the {@code dora.driver} service property, e.g. {@code postgres}
 * @param displayName the name shown to users, e.g. "PostgreSQL"
 * @param endpoint    how the driver reaches its database
 * @param defaultPort the port used when a spec says 0; 0 for file databases
 * @param dialect     the SQL dialect id for parsing and splitting (e.g. {@code postgres}, {@code mysql}), or
 *                    the query language for non-SQL drivers (e.g. {@code mongo})
 */
public record DriverInfo(String id, String displayName, EndpointKind endpoint, int defaultPort, String dialect) {

    public DriverInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dialect, "dialect");
    }
}
