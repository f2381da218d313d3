package io.dora.product.tests.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's binaries, on a random loopback port) saved as a connection in the vault of a
 * workbench's user.home, and the keyboard steps that open a SQL editor on it: Ctrl+Alt+U and the master
 * password, then Ctrl+] and the connection picked from the chooser. Shared by {@link PostgresEditorUiTest}
 * and {@link ResultsBenchmark}; failures are {@link AssertionError}s that carry the workbench log.
 */
final class PostgresWorkbench implements AutoCloseable {

    static final String MASTER = "correct horse battery staple";
    static final String CONNECTION_ID = "pg-bench";
    static final String CONNECTION_NAME = "Postgres (test)";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private PostgresWorkbench(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server; an exception (or linkage error) means it cannot start here. */
    static PostgresWorkbench start() throws IOException {
        return new PostgresWorkbench(EmbeddedPostgres.builder().start());
    }

    int port() {
        return postgres.getPort();
    }

    /** A plain JDBC connection outside Dora, to watch the server and prepare data. */
    Connection observer() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    long count(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Backends other than the asking one whose current statement contains the text and is in the state. */
    long backends(String state, String text) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = '" + state
                + "' AND query LIKE '%" + text.replace("'", "''") + "%'");
    }

    /**
     * Creates the vault under {@code home} and saves this server in it, through {@code dora-cli connections
     * init / add} as a user would (master password and connection password from the environment).
     */
    void saveConnection(Path home, Path scratch) throws Exception {
        DoraCli.run(home, scratch, MASTER, "connections", "init");
        DoraCli.run(home, scratch, MASTER, "connections", "add", "--id", CONNECTION_ID, "--name", CONNECTION_NAME,
                "--driver", "postgres", "--environment", "development", "--host", "127.0.0.1", "--port",
                Integer.toString(port()), "--database", "postgres", "--user", "postgres");
    }

    /** Ctrl+Alt+U, the master password, Enter; waits for the dialog to close. */
    static void unlockVault(VirtualDisplay display, Workbench workbench, String window) throws Exception {
        String dialog = null;
        Instant deadline = Instant.now().plus(TIMEOUT);
        // the window may show before the workbench handles its keys: ask again until the dialog comes
        while (dialog == null && Instant.now().isBefore(deadline) && workbench.isAlive()) {
            display.key(window, "ctrl+alt+u");
            dialog = display.awaitWindow("^Unlock Vault *$", Duration.ofSeconds(3), workbench.handle());
        }
        check(dialog != null, "Ctrl+Alt+U showed no Unlock Vault dialog", workbench);
        display.xdotool("windowfocus", "--sync", dialog);
        display.xdotool("type", "--delay", "10", MASTER);
        display.xdotool("key", "Return");
        awaitGone(display, dialog, workbench);
    }

    /** Ctrl+], the saved connection (the last entry: the built-in sample comes first), Enter; waits until the
     *  editor has connected. */
    static void openEditor(VirtualDisplay display, Workbench workbench, String window, Path workspace)
            throws Exception {
        String chooser = null;
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (chooser == null && Instant.now().isBefore(deadline) && workbench.isAlive()) {
            display.key(window, "ctrl+bracketright");
            chooser = display.awaitWindow("^Open SQL Editor *$", Duration.ofSeconds(3), workbench.handle());
        }
        check(chooser != null, "Ctrl+] opened no connection chooser", workbench);
        display.xdotool("windowfocus", "--sync", chooser);
        display.xdotool("key", "End");
        display.xdotool("key", "Return");
        awaitGone(display, chooser, workbench);
        awaitLog(workspace, "SQL editor on '" + CONNECTION_NAME + "': connected", 0, workbench);
    }

    /** The workspace's log (JSON lines). */
    static Path logOf(Path workspace) {
        return workspace.resolve(".metadata/dora/logs/dora.log");
    }

    /** The number of lines of the workspace log, to wait for lines after it. */
    static int logLines(Path workspace) throws IOException {
        Path log = logOf(workspace);
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    /** Waits for a log line after the first {@code skip} lines that contains the text; returns it. */
    static String awaitLog(Path workspace, String text, int skip, Workbench workbench) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Path log = logOf(workspace);
        while (Instant.now().isBefore(deadline) && workbench.isAlive()) {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line '" + text + "' in " + log + "; workbench output:\n" + workbench.log()
                + "\nworkspace log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    static void awaitGone(VirtualDisplay display, String window, Workbench workbench) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!display.xdotool("search", "--onlyvisible", "--name", ".").lines().anyMatch(window::equals)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dialog did not close; log:\n" + workbench.log());
    }

    private static void check(boolean condition, String message, Workbench workbench) throws IOException {
        if (!condition) {
            throw new AssertionError(message + "; log:\n" + workbench.log());
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
