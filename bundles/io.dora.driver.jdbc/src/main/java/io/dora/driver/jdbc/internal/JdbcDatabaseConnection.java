package io.dora.driver.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.PoolSettings;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.PoolStats;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.observe.Correlation;
import io.dora.core.observe.LogKeys;
import io.dora.core.schema.SchemaModel;
import io.dora.driver.jdbc.ControlSql;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.net.tls.PrivateFiles;
import io.dora.net.tls.TlsErrors;

/**
 * The pools of one connection spec: a query pool sized by the spec, and a small control pool for metadata
 * reads and kills, so neither waits behind a running query.
 */
public final class JdbcDatabaseConnection implements DatabaseConnection {

    /** Metadata reads and cancel steps; small because each use is short. */
    static final int CONTROL_POOL_SIZE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabaseConnection.class);

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final ConnectionSpec spec;
    private final JdbcDialect dialect;
    private final HikariDataSource control;
    private final HikariDataSource queries;
    private final ServerInfo serverInfo;
    private final SchemaModel schema;
    private final ScheduledExecutorService cancelScheduler;
    private final PrivateFiles files;
    private final Set<JdbcSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private JdbcDatabaseConnection(ConnectionSpec spec, JdbcDialect dialect, HikariDataSource control,
            HikariDataSource queries, ServerInfo serverInfo, PrivateFiles files) {
        this.spec = spec;
        this.files = files;
        this.dialect = dialect;
        this.control = control;
        this.queries = queries;
        this.serverInfo = serverInfo;
        this.schema = new SchemaModel(new JdbcMetadataReader(this, dialect));
        this.cancelScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dora-cancel-" + spec.id());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates the pools and checks the login on a control connection. */
    public static JdbcDatabaseConnection open(ConnectionSpec spec, JdbcDialect dialect) {
        PrivateFiles files = new PrivateFiles();
        HikariDataSource control = null;
        try {
            Properties properties = dialect.connectionProperties(spec, files);
            // Dora's own options (correlation, query-id comment) are not the client library's business
            properties.keySet().removeIf(key -> Correlation.isDoraOption(key.toString()));
            if (!spec.password().isEmpty()) {
                properties.setProperty("password", spec.password().revealAsString());
            }
            DriverDataSource source = new DriverDataSource(dialect.newJdbcDriver(), dialect.jdbcUrl(spec), properties);
            PoolSettings settings = spec.pool();
            // the pool also sets it on every connection (dialects that must open read-only do so in their properties)
            boolean readOnly = spec.readOnly();
            control = pool(spec, source, "control", new PoolSettings(CONTROL_POOL_SIZE, 0, settings.idleTimeout(),
                    settings.maxLifetime(), settings.connectionTimeout(), settings.validationTimeout()), true, readOnly);
            ServerInfo serverInfo;
            try (Connection connection = control.getConnection()) {
                serverInfo = dialect.serverInfo(connection.getMetaData());
            }
            HikariDataSource queries = pool(spec, source, "query", settings, false, readOnly);
            LOG.info("Connected '{}' to {}", spec.name(), serverInfo);
            return new JdbcDatabaseConnection(spec, dialect, control, queries, serverInfo, files);
        } catch (SQLException e) {
            closeQuietly(control);
            files.close();
            throw failure(spec, e, SqlErrors.translate(e, dialect));
        } catch (PoolInitializationException e) {
            closeQuietly(control);
            files.close();
            if (e.getCause() instanceof SQLException cause) {
                throw failure(spec, cause, SqlErrors.translate(cause, dialect));
            }
            throw new DoraException(ErrorKind.CONNECTION, "Could not connect to '" + spec.name() + "'", e);
        } catch (RuntimeException e) {
            closeQuietly(control);
            files.close();
            throw e;
        }
    }

    /** A failed TLS handshake says what to fix; anything else keeps the server's words. */
    private static DoraException failure(ConnectionSpec spec, SQLException cause, DoraException translated) {
        return TlsErrors.classify(cause, spec.host() + ":" + spec.port(), spec.tls())
                .<DoraException>map(tls -> tls).orElse(translated);
    }

    private static HikariDataSource pool(ConnectionSpec spec, DriverDataSource source, String role,
            PoolSettings settings, boolean failFast, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("dora-" + spec.id() + "-" + role);
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(settings.minIdle());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(settings.validationTimeout().toMillis());
        config.setAutoCommit(true);
        config.setReadOnly(readOnly);
        // the control pool proves the login at once; the query pool connects on first use
        config.setInitializationFailTimeout(failFast ? 1 : -1);
        return new HikariDataSource(config);
    }

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    @Override
    public DriverInfo driverInfo() {
        return dialect.info();
    }

    @Override
    public DriverCapabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    @Override
    public Session openSession() {
        requireOpen();
        JdbcSession session = new JdbcSession(this, dialect);
        sessions.add(session);
        return session;
    }

    @Override
    public SchemaModel schema() {
        return schema;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Optional<PoolStats> poolStats() {
        HikariPoolMXBean pool = closed ? null : queries.getHikariPoolMXBean();
        if (pool == null) {
            return Optional.empty();
        }
        return Optional.of(new PoolStats(pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getThreadsAwaitingConnection(), pool.getTotalConnections(), queries.getMaximumPoolSize()));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessions.forEach(JdbcSession::close);
        cancelScheduler.shutdownNow();
        closeQuietly(queries);
        closeQuietly(control);
        files.close();
        LogKeys.withConnection(spec, () -> {
            LOG.info("Closed connection '{}'", spec.name());
            return null;
        });
    }

    Connection borrow() throws SQLException {
        requireOpen();
        return queries.getConnection();
    }

    /** Closes a connection for good instead of returning it, because it carries session state. */
    void evict(Connection connection) {
        queries.evictConnection(connection);
    }

    void sessionClosed(JdbcSession session) {
        sessions.remove(session);
    }

    <T> T withControlConnection(SqlFunction<T> work) throws SQLException {
        requireOpen();
        try (Connection connection = control.getConnection()) {
            return work.apply(connection);
        }
    }

    ControlSql controlSql() {
        return sql -> withControlConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute(sql);
            }
        });
    }

    ScheduledExecutorService cancelScheduler() {
        return cancelScheduler;
    }

    private void requireOpen() {
        if (closed) {
            throw new DoraException(ErrorKind.CLOSED, "The connection '" + spec.name() + "' is closed");
        }
    }

    private static void closeQuietly(HikariDataSource pool) {
        if (pool != null) {
            pool.close();
        }
    }
}
