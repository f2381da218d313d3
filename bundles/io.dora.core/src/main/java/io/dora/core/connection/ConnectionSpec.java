package io.dora.core.connection;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;

/**
 * Everything needed to open one database connection. Immutable; absent optional parts are normalised
 * (no password is an empty secret, no TLS is {@link TlsSettings#disabled()}, no pool settings are the
 * defaults). Whether the values make sense is checked by {@link ConnectionSpecValidator}, which reports all
 * problems at once, before any network call.
 *
 * @param id          a stable identifier (the workspace's key for this connection)
 * @param name        the name shown to the user
 * @param driverId    the {@code dora.driver} id of the driver, e.g. {@code postgres}
 * @param host        the server's host; empty for file databases
 * @param port        the server's port; 0 for the driver's default
 * @param database    the database (or, for file databases, the file path); may be empty
 * @param user        the login; may be empty
 * @param password    the password; empty when none
 * @param options     driver-specific options, passed to the driver's client library
 * @param environment where the connection points (drives the safety policy)
 * @param readOnly    whether every session is opened read-only
 * @param ssh         the SSH route, or {@code null} for a direct connection
 * @param tls         the TLS settings
 * @param pool        the pool settings
 */
public record ConnectionSpec(String id, String name, String driverId, String host, int port, String database,
        String user, SecretString password, Map<String, String> options, Environment environment,
        boolean readOnly, SshSettings ssh, TlsSettings tls, PoolSettings pool) {

    public ConnectionSpec {
        id = Objects.requireNonNullElse(id, "");
        name = Objects.requireNonNullElse(name, "");
        driverId = Objects.requireNonNullElse(driverId, "");
        host = Objects.requireNonNullElse(host, "");
        database = Objects.requireNonNullElse(database, "");
        user = Objects.requireNonNullElse(user, "");
        password = password == null ? SecretString.empty() : password;
        options = options == null ? Map.of() : Map.copyOf(options);
        environment = Objects.requireNonNullElse(environment, Environment.DEVELOPMENT);
        tls = tls == null ? TlsSettings.disabled() : tls;
        pool = pool == null ? PoolSettings.defaults() : pool;
    }

    public Optional<SshSettings> sshRoute() {
        return Optional.ofNullable(ssh);
    }

    public static Builder builder(String id, String driverId) {
        return new Builder(id, driverId);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a spec step by step; unset parts take the record's defaults. */
    public static final class Builder {
        private String id;
        private String name;
        private String driverId;
        private String host;
        private int port;
        private String database;
        private String user;
        private SecretString password;
        private Map<String, String> options;
        private Environment environment;
        private boolean readOnly;
        private SshSettings ssh;
        private TlsSettings tls;
        private PoolSettings pool;

        private Builder(String id, String driverId) {
            this.id = id;
            this.name = id;
            this.driverId = driverId;
        }

        private Builder(ConnectionSpec spec) {
            id = spec.id;
            name = spec.name;
            driverId = spec.driverId;
            host = spec.host;
            port = spec.port;
            database = spec.database;
            user = spec.user;
            password = spec.password;
            options = spec.options;
            environment = spec.environment;
            readOnly = spec.readOnly;
            ssh = spec.ssh;
            tls = spec.tls;
            pool = spec.pool;
        }

        public Builder id(String value) { id = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder driverId(String value) { driverId = value; return this; }
        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder database(String value) { database = value; return this; }
        public Builder user(String value) { user = value; return this; }
        public Builder password(SecretString value) { password = value; return this; }
        public Builder options(Map<String, String> value) { options = value; return this; }
        public Builder environment(Environment value) { environment = value; return this; }
        public Builder readOnly(boolean value) { readOnly = value; return this; }
        public Builder ssh(SshSettings value) { ssh = value; return this; }
        public Builder tls(TlsSettings value) { tls = value; return this; }
        public Builder pool(PoolSettings value) { pool = value; return this; }

        public ConnectionSpec build() {
            return new ConnectionSpec(id, name, driverId, host, port, database, user, password, options,
                    environment, readOnly, ssh, tls, pool);
        }
    }
}
