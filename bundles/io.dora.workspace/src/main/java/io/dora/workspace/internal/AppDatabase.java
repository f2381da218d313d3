package io.dora.workspace.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The workspace's app database {@code <workspace>/.metadata/dora/workspace.db}: one SQLite file in WAL mode,
 * its schema versioned by {@code PRAGMA user_version} and brought up to date by {@link #MIGRATIONS} when opened.
 * One JDBC connection per instance, used by one thread at a time; several instances (and processes) may share
 * the file: write transactions start IMMEDIATE and wait for each other up to the busy timeout.
 */
public final class AppDatabase implements AutoCloseable {

    /** The file's place inside a workspace. */
    public static Path fileOf(Path workspace) {
        return workspace.resolve(".metadata").resolve("dora").resolve("workspace.db");
    }

    /** Migration n (0-based) takes the schema from version n to n + 1. Append only; never edit a released one. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE query_history (
              id INTEGER PRIMARY KEY,
              query_id TEXT NOT NULL,
              connection_id TEXT NOT NULL,
              connection_name TEXT NOT NULL,
              environment TEXT NOT NULL,
              driver TEXT NOT NULL,
              statement TEXT NOT NULL,
              started_at INTEGER NOT NULL,
              duration_ms INTEGER NOT NULL,
              row_count INTEGER NOT NULL,
              outcome TEXT NOT NULL,
              error TEXT)""",
            "CREATE INDEX query_history_started ON query_history (started_at)",
            "CREATE INDEX query_history_connection ON query_history (connection_id, started_at)",
            """
            CREATE TABLE session_editor (
              position INTEGER PRIMARY KEY,
              editor_id TEXT NOT NULL UNIQUE,
              connection_id TEXT,
              text TEXT NOT NULL,
              cursor_offset INTEGER NOT NULL,
              result_layout TEXT)"""));

    private static final Logger LOG = LoggerFactory.getLogger(AppDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;

    private AppDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating it if needed) and migrates the database file. */
    public static AppDatabase open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the workspace database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            // the driver class directly: DriverManager does not see bundle-private drivers under OSGi
            Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
            AppDatabase database = new AppDatabase(file, connection);
            database.migrate();
            return database;
        } catch (SQLException e) {
            throw new AppDatabaseException("Cannot open the workspace database " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        inTransaction(c -> {
            int version;
            try (Statement statement = c.createStatement(); var rows = statement.executeQuery("PRAGMA user_version")) {
                version = rows.next() ? rows.getInt(1) : 0;
            }
            if (version > MIGRATIONS.size()) {
                throw new AppDatabaseException("The workspace database " + file + " has schema version " + version
                        + ", newer than this Dora knows (" + MIGRATIONS.size() + "): open the workspace with a newer Dora");
            }
            try (Statement statement = c.createStatement()) {
                for (int next = version; next < MIGRATIONS.size(); next++) {
                    for (String sql : MIGRATIONS.get(next)) {
                        statement.execute(sql);
                    }
                    LOG.info("Workspace database {} migrated to schema version {}", file, next + 1);
                }
                statement.execute("PRAGMA user_version = " + MIGRATIONS.size());
            }
            return null;
        });
    }

    /** Work on the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs read-only work. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new AppDatabaseException("Reading the workspace database " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AppDatabaseException("Writing the workspace database " + file + " failed: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the workspace database {} failed: {}", file, e.getMessage());
        }
    }
}
