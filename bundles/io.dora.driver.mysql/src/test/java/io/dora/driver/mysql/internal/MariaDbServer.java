package io.dora.driver.mysql.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away MariaDB from the system's {@code mariadbd} (Debian package mariadb-server), with its data
 * directory and socket in a temporary folder and a random loopback port. A server that cannot start fails
 * the test under {@code CI=true} and skips it otherwise.
 */
final class MariaDbServer extends MySqlTestServer {

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
            throw unavailable("MariaDB could not start (is the mariadb-server package installed?): " + e.getMessage(), e);
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
                "--innodb-flush-log-at-trx-commit=0", "--character-set-server=utf8mb4",
                // session_connect_attrs: the correlation test finds the workbench's connection attributes there
                "--performance-schema=ON"));
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

    @Override
    String host() {
        return "127.0.0.1";
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String description() {
        try {
            return "MariaDB " + version().replaceFirst("-MariaDB.*", "") + " throw-away mariadbd";
        } catch (SQLException e) {
            return "MariaDB (throw-away mariadbd; version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    boolean isMariaDb() {
        return true;
    }

    /** MariaDB's SEQUENCE engine. */
    @Override
    String sequence(int count) {
        return "seq_1_to_" + count;
    }

    /** Killed, MariaDB's {@code SLEEP} ends its statement with error 1317. */
    @Override
    String sleep(int seconds) {
        return "SELECT SLEEP(" + seconds + ")";
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
