package io.dora.driver.mysql.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mysql.cj.MysqlConnection;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.error.ErrorKind;
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.observe.Correlation;
import io.dora.driver.jdbc.CancelTarget;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.driver.jdbc.NamespaceStyle;
import io.dora.net.tls.PrivateFiles;
import io.dora.net.tls.TlsStores;

/** MySQL and MariaDB through MySQL Connector/J; MariaDB is told apart by its version string. */
final class MySqlDialect implements JdbcDialect {

    static final DriverInfo INFO = new DriverInfo("mysql", "MySQL / MariaDB", EndpointKind.SERVER, 3306, "mysql");

    private static final DriverCapabilities CAPABILITIES = DriverCapabilities.of(CancelSupport.SERVER,
            Capability.TRANSACTIONS, Capability.MUTATIONS, Capability.MULTIPLE_RESULTS, Capability.SERVER_NOTICES,
            Capability.STREAMING, Capability.TLS, Capability.CATALOGS, Capability.SESSION_SETTINGS,
            Capability.QUERY_TIMEOUT);

    /** "5.5.5-10.11.6-MariaDB-0+deb12u1" (the 5.5.5- prefix kept old clients working) or "11.4.2-MariaDB". */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?((\\d+)\\.(\\d+)[^-]*)-MariaDB.*");

    private static final int ER_QUERY_INTERRUPTED = 1317;
    private static final int ER_QUERY_TIMEOUT = 3024;
    private static final int ER_STATEMENT_TIMEOUT = 1969;

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
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL Connector/J cannot be created", e);
        }
    }

    @Override
    public String jdbcUrl(ConnectionSpec spec) {
        return serverUrl("mysql", spec);
    }

    @Override
    public Properties connectionProperties(ConnectionSpec spec, PrivateFiles files) {
        Properties properties = new Properties();
        properties.setProperty("user", spec.user());
        // server-side cursors: rows come in batches of the fetch size, and closing a result early is cheap
        properties.setProperty("useCursorFetch", "true");
        properties.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        properties.setProperty("connectionAttributes", Correlation.mysqlConnectionAttributes(spec));
        tls(spec.tls(), properties, files);
        properties.putAll(spec.options());
        if (spec.readOnly()) {
            // after the options, which must not turn it off: setReadOnly reaches the server as SET SESSION TRANSACTION READ ONLY
            properties.setProperty("readOnlyPropagatesToServer", "true");
        }
        return properties;
    }

    /**
     * Connector/J reads key stores only (no PEM): the CA and the client certificate with its key become PKCS#12
     * files with random passwords, owner-only.
     */
    private static void tls(TlsSettings tls, Properties properties, PrivateFiles files) {
        properties.setProperty("sslMode", switch (tls.mode()) {
            case DISABLE -> "DISABLED";
            case ALLOW, PREFER -> "PREFERRED";
            case REQUIRE -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_FULL -> "VERIFY_IDENTITY";
        });
        if (tls.mode() == TlsMode.DISABLE) {
            return;
        }
        if (tls.ca() != null) {
            char[] password = TlsStores.randomPassword();
            keyStore(properties, "trustCertificateKeyStore", write(files, "truststore.p12",
                    TlsStores.pkcs12(TlsStores.trustStore(tls.ca()), password)), password);
        }
        if (tls.usesClientCertificate()) {
            char[] password = TlsStores.randomPassword();
            keyStore(properties, "clientCertificateKeyStore", write(files, "client.p12",
                    TlsStores.pkcs12(TlsStores.clientKeyStore(tls, "client", password), password)), password);
        }
    }

    private static void keyStore(Properties properties, String prefix, Path file, char[] password) {
        properties.setProperty(prefix + "Url", file.toUri().toString());
        properties.setProperty(prefix + "Type", "PKCS12");
        properties.setProperty(prefix + "Password", new String(password));
    }

    private static Path write(PrivateFiles files, String name, byte[] content) {
        try {
            return files.write(name, content);
        } catch (IOException e) {
            throw new TlsException(TlsException.Failure.BAD_FILES, "The key store " + name + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    /** Connector/J skips setReadOnly when it believes the flag is set already: say it to the server every time. */
    @Override
    public void enforceReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION TRANSACTION READ ONLY");
        }
    }

    @Override
    public NamespaceStyle namespaceStyle() {
        return NamespaceStyle.CATALOGS;
    }

    @Override
    public ServerInfo serverInfo(DatabaseMetaData metaData) throws SQLException {
        String version = metaData.getDatabaseProductVersion();
        Matcher mariadb = MARIADB_VERSION.matcher(version);
        if (mariadb.matches()) {
            return new ServerInfo("MariaDB", mariadb.group(1), Integer.parseInt(mariadb.group(2)),
                    Integer.parseInt(mariadb.group(3)));
        }
        return JdbcDialect.super.serverInfo(metaData);
    }

    @Override
    public OptionalLong backendId(Connection connection) throws SQLException {
        return OptionalLong.of(connection.unwrap(MysqlConnection.class).getId());
    }

    /** Connector/J's cursor needs a server-side prepared statement, which only suits queries. */
    @Override
    public boolean fetchesWithCursor(String statement) {
        return JdbcDialect.returnsRows(statement);
    }

    /** KILL QUERY from a control connection: the server stops the statement, the connection survives. */
    @Override
    public void cancel(CancelTarget target) throws SQLException {
        killQuery(target);
    }

    @Override
    public void killQuery(CancelTarget target) throws SQLException {
        if (target.backendId().isPresent()) {
            target.control().execute("KILL QUERY " + target.backendId().getAsLong());
        }
    }

    @Override
    public void killConnection(CancelTarget target) throws SQLException {
        if (target.backendId().isPresent()) {
            target.control().execute("KILL CONNECTION " + target.backendId().getAsLong());
        }
    }

    /** After KILL QUERY during a cursor fetch, Connector/J can answer the next statement with stale packets. */
    @Override
    public boolean reusableAfterCancel() {
        return false;
    }

    @Override
    public ErrorKind classify(SQLException failure) {
        return switch (failure.getErrorCode()) {
            case ER_QUERY_INTERRUPTED -> ErrorKind.CANCELLED;
            case ER_QUERY_TIMEOUT, ER_STATEMENT_TIMEOUT -> ErrorKind.TIMEOUT;
            case 1044, 1142, 1143, 1227 -> ErrorKind.PERMISSION;
            case 1049, 1146, 1054, 1305 -> ErrorKind.UNDEFINED_OBJECT;
            case 1064 -> ErrorKind.SYNTAX;
            case 1045 -> ErrorKind.AUTHENTICATION;
            default -> JdbcDialect.super.classify(failure);
        };
    }
}
