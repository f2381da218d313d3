package io.dora.net.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away MariaDB ({@code mariadbd} of the mariadb-server package) with TLS on a random loopback port:
 * {@code x509user} must present a client certificate signed by the test CA ({@code REQUIRE X509}).
 */
final class TlsMariaDb implements AutoCloseable {

    static final String X509_USER = "x509user";

    private final Path directory;
    private final Process process;
    private final int port;

    private TlsMariaDb(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    static TlsMariaDb start(TestPki pki) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("dora-mariadb-tls");
            List<String> asRoot = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
            List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                    "--datadir=" + directory.resolve("data"), "--auth-root-authentication-method=normal",
                    "--skip-test-db", "--skip-name-resolve"));
            install.addAll(asRoot);
            OpenSshServer.run(install);
            int port = OpenSshServer.freePort();
            Path socket = directory.resolve("mysqld.sock");
            Files.createDirectories(directory.resolve("tmp"));
            List<String> server = new ArrayList<>(List.of("mariadbd", "--no-defaults",
                    "--datadir=" + directory.resolve("data"), "--tmpdir=" + directory.resolve("tmp"),
                    "--socket=" + socket, "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                    "--log-error=" + directory.resolve("error.log"), "--skip-log-bin",
                    "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
                    "--ssl-ca=" + pki.file("ca.crt"), "--ssl-cert=" + pki.file("server.crt"),
                    "--ssl-key=" + pki.file("server.key")));
            server.addAll(asRoot);
            Process process = new ProcessBuilder(server).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
            TlsMariaDb started = new TlsMariaDb(directory, process, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(socket)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    started.close();
                    throw new IOException("mariadbd did not come up: " + Files.readString(directory.resolve("error.log")));
                }
                Thread.sleep(50);
            }
            OpenSshServer.run(List.of("mariadb", "--no-defaults", "-S", socket.toString(), "-uroot", "-e",
                    "CREATE DATABASE test; CREATE USER '" + X509_USER + "'@'%' REQUIRE X509;"
                            + " GRANT ALL ON test.* TO '" + X509_USER + "'@'%';"));
            return started;
        } catch (Exception e) {
            OpenSshServer.deleteQuietly(directory);
            return OpenSshServer.unavailable("MariaDB could not start (is mariadb-server installed?): " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        OpenSshServer.deleteQuietly(directory);
    }
}
