package io.dora.driver.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.net.TlsMode;
import io.dora.core.observe.Correlation;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.Notice;
import io.dora.driver.jdbc.CancelTarget;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.driver.jdbc.NamespaceStyle;

/** PostgreSQL through pgJDBC. */
final class PostgresDialect implements JdbcDialect {

    static final DriverInfo INFO = new DriverInfo("postgres", "PostgreSQL", EndpointKind.SERVER, 5432, "postgres");

    private static final DriverCapabilities CAPABILITIES = DriverCapabilities.of(CancelSupport.SERVER,
            Capability.TRANSACTIONS, Capability.MUTATIONS, Capability.MULTIPLE_RESULTS, Capability.SERVER_NOTICES,
            Capability.STREAMING, Capability.TLS, Capability.SCHEMAS, Capability.SESSION_SETTINGS,
            Capability.QUERY_TIMEOUT);

    @Override
    public DriverInfo info() {
        return INFO;
    }

    @Override
    public DriverCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public java.sql.Driver newJdbcDriver() {
        return new org.postgresql.Driver();
    }

    @Override
    public String jdbcUrl(ConnectionSpec spec) {
        return serverUrl("postgresql", spec);
    }

    @Override
    public Properties connectionProperties(ConnectionSpec spec) {
        Properties properties = new Properties();
        properties.setProperty("user", spec.user());
        properties.setProperty("ApplicationName", Correlation.applicationName(spec));
        if (spec.readOnly()) {
            // read-only for the whole session, not only inside explicit transactions
            properties.setProperty("readOnlyMode", "always");
        }
        tls(spec.tls(), properties);
        properties.putAll(spec.options());
        return properties;
    }

    private static void tls(TlsSettings tls, Properties properties) {
        properties.setProperty("sslmode", tls.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (tls.mode() == TlsMode.DISABLE) {
            return;
        }
        if (tls.caCertificate() != null) {
            properties.setProperty("sslrootcert", tls.caCertificate().toString());
        }
        if (tls.clientCertificate() != null) {
            properties.setProperty("sslcert", tls.clientCertificate().toString());
        }
        if (tls.clientKey() != null) {
            properties.setProperty("sslkey", tls.clientKey().toString());
        }
        if (!tls.keyPassword().isEmpty()) {
            properties.setProperty("sslpassword", tls.keyPassword().revealAsString());
        }
    }

    @Override
    public NamespaceStyle namespaceStyle() {
        return NamespaceStyle.SCHEMAS;
    }

    @Override
    public OptionalLong backendId(Connection connection) throws SQLException {
        return OptionalLong.of(connection.unwrap(PGConnection.class).getBackendPID());
    }

    /** pgJDBC streams through a portal only for queries, and only inside a transaction. */
    @Override
    public boolean fetchesWithCursor(String statement) {
        return JdbcDialect.returnsRows(statement);
    }

    @Override
    public boolean cursorNeedsTransaction() {
        return true;
    }

    /** The protocol cancel request: a separate socket, works even when every pooled connection is busy. */
    @Override
    public void cancel(CancelTarget target) throws SQLException {
        target.statement().cancel();
    }

    @Override
    public void killQuery(CancelTarget target) throws SQLException {
        if (target.backendId().isPresent()) {
            target.control().execute("SELECT pg_cancel_backend(" + target.backendId().getAsLong() + ")");
        }
    }

    @Override
    public void killConnection(CancelTarget target) throws SQLException {
        if (target.backendId().isPresent()) {
            target.control().execute("SELECT pg_terminate_backend(" + target.backendId().getAsLong() + ")");
        }
    }

    @Override
    public Notice notice(SQLWarning warning) {
        if (warning instanceof PSQLWarning serverWarning) {
            ServerErrorMessage message = serverWarning.getServerErrorMessage();
            if (message != null) {
                return new Notice(message.getSeverity(), message.getMessage(), message.getSQLState());
            }
        }
        return JdbcDialect.super.notice(warning);
    }
}
