package io.dora.driver.mysql.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.secret.SecretString;

/**
 * A throw-away MariaDB from the system's {@code mariadbd} (Debian package mariadb-server), with its data
 * directory and socket in a temporary folder and a random loopback port. A server that cannot start fails
 * the test under {@code CI=true} and skips it otherwise.
 */
final class MariaDbServer implements AutoCloseable {

    static final String USER = "dora";
    static final String PASSWORD = "dora-test-pw";
    static final String DATABASE = "test";

    private final Path directory;
    private final Process process;
    private final int port;

    private MariaDbServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    static MariaDbServer start() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("dora-mariadb");
            return launch(directory);
        } catch (Exception e) {
            deleteQuietly(directory);
            String reason = "MariaDB could not start (is the mariadb-server package installed?): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason);
            throw new IllegalStateException(reason);
        }
    }

    private static MariaDbServer launch(Path directory) throws Exception {
        List<String> asUser = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
        List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + directory.resolve("data"), "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve"));
        install.addAll(asUser);
        runToCompletion(install, directory.resolve("install.log"));

        int port = freePort();
        Path socket = directory.resolve("mysqld.sock");
        Files.createDirectories(directory.resolve("tmp"));
        List<String> server = new ArrayList<>(List.of("mariadbd", "--no-defaults",
                "--datadir=" + directory.resolve("data"), "--tmpdir=" + directory.resolve("tmp"),
                "--pid-file=" + directory.resolve("mariadbd.pid"), "--socket=" + socket, "--port=" + port,
                "--bind-address=127.0.0.1", "--skip-name-resolve", "--log-error=" + directory.resolve("error.log"),
                "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
                "--innodb-flush-log-at-trx-commit=0", "--character-set-server=utf8mb4"));
        server.addAll(asUser);
        Process process = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile()).start();
        MariaDbServer started = new MariaDbServer(directory, process, port);
        try {
            started.awaitSocket(socket);
            runToCompletion(List.of("mariadb", "--no-defaults", "-S", socket.toString(), "-uroot", "-e",
                    "CREATE DATABASE " + DATABASE + "; CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                            + " GRANT ALL ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;"),
                    directory.resolve("setup.log"));
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    private void awaitSocket(Path socket) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("mariadbd did not come up: " + tail(directory.resolve("error.log")));
            }
            Thread.sleep(50);
        }
    }

    ConnectionSpec.Builder spec(String id) {
        return ConnectionSpec.builder(id, "mysql").host("127.0.0.1").port(port).database(DATABASE).user(USER)
                .password(SecretString.of(PASSWORD));
    }

    /** A plain connection outside Dora, to watch the server and prepare data. */
    Connection observer() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE, USER, PASSWORD);
    }

    /** The number of connections running a statement that contains {@code text}, other than the asking one. */
    int activeQueriesLike(String text) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST"
                        + " WHERE COMMAND <> 'Sleep' AND ID <> CONNECTION_ID() AND INFO LIKE '%"
                        + text.replace("'", "''") + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = observer(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        deleteQuietly(directory);
    }

    private static void runToCompletion(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + tail(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
