package io.dora.net.ssh.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away OpenSSH {@code sshd} (Debian package openssh-server) on a random loopback port, with its own
 * host keys and config in a temporary folder, for the user {@value #USER} (password and keys). Password logins
 * need root (sshd checks the shadow password), so the tests need root. A server that cannot start fails the
 * test under {@code CI=true} and skips it otherwise.
 */
final class OpenSshServer implements AutoCloseable {

    static final String USER = "sshtest";
    static final String PASSWORD = "Test-Pw-123";
    static final String KEY_PASSPHRASE = "keypass";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static Path clientKeys;

    private final Path directory;
    private final int port;
    private Process process;

    private OpenSshServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts an sshd; {@code extraConfig} lines are added to its sshd_config. */
    static OpenSshServer start(String extraConfig) {
        Path directory = null;
        try {
            if (!Files.isExecutable(SSHD)) {
                throw new IOException(SSHD + " is missing (install the openssh-server package)");
            }
            if (!"root".equals(System.getProperty("user.name"))) {
                throw new IOException("a throw-away sshd with password logins needs root");
            }
            Path keys = clientKeys();
            directory = Files.createTempDirectory("dora-sshd");
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                    directory.resolve("ssh_host_ed25519_key").toString()));
            StringBuilder authorized = new StringBuilder();
            try (var files = Files.list(keys)) {
                for (Path pub : files.filter(p -> p.toString().endsWith(".pub")).sorted().toList()) {
                    authorized.append(Files.readString(pub));
                }
            }
            Files.writeString(directory.resolve("authorized_keys"), authorized);
            // sshd reads authorized_keys as the user, who must be able to get there
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(directory.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
            int port = freePort();
            // sshd takes the first value of a keyword: the extra lines come first to override the defaults
            Files.writeString(directory.resolve("sshd_config"), """
                    %s
                    Port %d
                    ListenAddress 127.0.0.1
                    HostKey %s
                    PidFile %s
                    AuthorizedKeysFile %s
                    StrictModes no
                    UsePAM no
                    PasswordAuthentication yes
                    KbdInteractiveAuthentication no
                    PubkeyAuthentication yes
                    PermitRootLogin no
                    AllowUsers %s
                    AllowTcpForwarding yes
                    GatewayPorts no
                    X11Forwarding no
                    PrintMotd no
                    LogLevel VERBOSE
                    MaxStartups 50:30:100
                    """.formatted(extraConfig, port, directory.resolve("ssh_host_ed25519_key"), directory.resolve("sshd.pid"),
                    directory.resolve("authorized_keys"), USER));
            OpenSshServer server = new OpenSshServer(directory, port);
            server.launch();
            return server;
        } catch (Exception e) {
            deleteQuietly(directory);
            return unavailable("sshd could not start: " + e.getMessage(), e);
        }
    }

    static <T> T unavailable(String reason, Exception e) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason, e);
        }
        Assumptions.abort(reason);
        throw new IllegalStateException(reason);
    }

    private void launch() throws Exception {
        Files.createDirectories(Path.of("/run/sshd"));
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", directory.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("sshd.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("sshd did not come up: " + Files.readString(directory.resolve("sshd.log")));
                }
                Thread.sleep(20);
            }
        }
    }

    int port() {
        return port;
    }

    /** Kills sshd and every session it serves, as a crash or a reboot of the host would. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts sshd again on the same port with the same host key. */
    void restart() throws Exception {
        launch();
    }

    /** The known_hosts line of this server: {@code [127.0.0.1]:port ssh-ed25519 AAAA...}. */
    String knownHostsLine() throws IOException {
        String[] pub = Files.readString(directory.resolve("ssh_host_ed25519_key.pub")).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    /** The SHA256 fingerprint of the host key, as ssh-keygen -l prints it. */
    String fingerprint() throws IOException {
        String[] pub = Files.readString(directory.resolve("ssh_host_ed25519_key.pub")).strip().split(" ");
        return HostKeyVerifier.fingerprint(Base64.getDecoder().decode(pub[1]));
    }

    /** The client keys every server authorises: id_ed25519, id_rsa, id_rsa_pem, id_ecdsa, id_ed25519_enc. */
    static synchronized Path clientKeys() throws Exception {
        if (clientKeys == null) {
            Path keys = Files.createTempDirectory("dora-ssh-keys");
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys.resolve("id_ed25519").toString()));
            run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-f", keys.resolve("id_rsa").toString()));
            run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f",
                    keys.resolve("id_rsa_pem").toString()));
            run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", keys.resolve("id_ecdsa").toString()));
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", KEY_PASSPHRASE, "-f",
                    keys.resolve("id_ed25519_enc").toString()));
            ensureUser();
            clientKeys = keys;
        }
        return clientKeys;
    }

    private static void ensureUser() throws Exception {
        if (new ProcessBuilder("id", USER).start().waitFor() != 0) {
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "dora-sshtest-home");
            run(List.of("useradd", "-m", "-d", home.toString(), "-s", "/bin/sh", USER));
        }
        Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        chpasswd.getOutputStream().write((USER + ":" + PASSWORD + "\n").getBytes());
        chpasswd.getOutputStream().close();
        if (chpasswd.waitFor() != 0) {
            throw new IOException("chpasswd failed: " + new String(chpasswd.getInputStream().readAllBytes()));
        }
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        deleteQuietly(directory);
    }

    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** A {@code known_hosts} file in a fresh temp folder holding the given servers' keys. */
    static Path knownHosts(OpenSshServer... servers) throws IOException {
        List<String> lines = new ArrayList<>();
        for (OpenSshServer server : servers) {
            lines.add(server.knownHostsLine());
        }
        Path file = Files.createTempDirectory("dora-kh").resolve("known_hosts");
        Files.write(file, lines);
        return file;
    }
}
