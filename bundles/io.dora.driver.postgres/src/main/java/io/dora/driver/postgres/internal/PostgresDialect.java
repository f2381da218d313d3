package io.dora.driver.postgres.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
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
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.observe.Correlation;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.Notice;
import io.dora.driver.jdbc.CancelTarget;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.driver.jdbc.NamespaceStyle;
import io.dora.net.tls.PrivateFiles;
import io.dora.net.tls.TlsStores;

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
    public Properties connectionProperties(ConnectionSpec spec, PrivateFiles files) {
        Properties properties = new Properties();
        properties.setProperty("user", spec.user());
        properties.setProperty("ApplicationName", Correlation.applicationName(spec));
        tls(spec.tls(), properties, files);
        properties.putAll(spec.options());
        if (spec.readOnly()) {
            // after the options, which must not turn it off: read-only for the whole session, not only inside
            // explicit transactions, and from the login on (the startup packet sets the session default)
            properties.setProperty("readOnlyMode", "always");
            String options = properties.getProperty("options", "");
            properties.setProperty("options", (options + " -c default_transaction_read_only=on").strip());
        }
        return properties;
    }

    /**
     * pgJDBC reads the CA as PEM, but its key only as PKCS#8 DER or as PKCS#12 under the alias {@code user}:
     * the client certificate and key (PEM or PKCS#12, any alias; files or held in the vault) become such a PKCS#12
     * file, owner-only.
     */
    private static void tls(TlsSettings tls, Properties properties, PrivateFiles files) {
        properties.setProperty("sslmode", tls.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (tls.mode() == TlsMode.DISABLE) {
            return;
        }
        boolean verifies = tls.mode() == TlsMode.VERIFY_CA || tls.mode() == TlsMode.VERIFY_FULL;
        if (tls.ca() != null) {
            // pgJDBC reads its root certificate from a file only: inline CAs go through the owner-only folder
            properties.setProperty("sslrootcert", TlsStores.caFile(tls.ca(), files, "root.crt").toString());
        } else if (verifies && !tls.usesClientCertificate()) {
            // no CA file: the JVM's trust store, not libpq's ~/.postgresql/root.crt
            properties.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
        if (tls.usesClientCertificate()) {
            char[] password = TlsStores.randomPassword();
            byte[] keyStore = TlsStores.pkcs12(TlsStores.clientKeyStore(tls, "user", password), password);
            try {
                properties.setProperty("sslkey", files.write("client.p12", keyStore).toString());
            } catch (IOException e) {
                throw new TlsException(TlsException.Failure.BAD_FILES,
                        "The client key store cannot be written: " + e.getMessage(), e);
            }
            properties.setProperty("sslpassword", new String(password));
        }
    }

    /** pgJDBC skips setReadOnly when it believes the flag is set already: say it to the server every time. */
    @Override
    public void enforceReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
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
