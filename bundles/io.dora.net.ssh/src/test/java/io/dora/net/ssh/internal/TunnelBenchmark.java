package io.dora.net.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.Tunnel;
import io.dora.core.secret.SecretString;

/**
 * Bulk transfer through a Dora tunnel (JSch) vs OpenSSH's {@code ssh -L}, side by side in one run, on the same
 * throw-away sshd: a local source sends {@value #MEGABYTES} MB per round to whoever connects, and each side's
 * best of {@value #ROUNDS} rounds is compared. Both use their default ciphers, as a user would. Run with
 * {@code releng/bench-ssh.sh}; needs root, sshd and ssh.
 */
public final class TunnelBenchmark {

    private static final int MEGABYTES = 256;
    private static final int ROUNDS = 5;

    private TunnelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(""); ServerSocket source = startSource()) {
            Path key = OpenSshServer.clientKeys().resolve("id_ed25519");
            Path knownHosts = OpenSshServer.knownHosts(sshd);
            SshSettings settings = new SshSettings(List.of(new SshHop("127.0.0.1", sshd.port(), OpenSshServer.USER,
                    new SshAuth.PrivateKey(key, SecretString.empty()))), HostKeyPolicy.STRICT, knownHosts, false,
                    Duration.ofSeconds(30));
            JschTunnelBackend backend = new JschTunnelBackend(new SshEnvironment(knownHosts.getParent(), null),
                    new RefusingHostKeyConfirmation());
            // OpenSSH with its defaults (chacha20-poly1305 here), and with the cipher JSch prefers (aes128-ctr)
            int opensshPort = OpenSshServer.freePort();
            int sameCipherPort = OpenSshServer.freePort();
            Process openssh = sshForward(sshd, key, knownHosts, opensshPort, source.getLocalPort(), List.of());
            Process sameCipher = sshForward(sshd, key, knownHosts, sameCipherPort, source.getLocalPort(),
                    List.of("-c", "aes128-ctr"));
            try (Tunnel tunnel = backend.open(settings, "127.0.0.1", source.getLocalPort())) {
                awaitPort(opensshPort, openssh);
                awaitPort(sameCipherPort, sameCipher);
                int[] ports = { tunnel.localPort(), opensshPort, sameCipherPort };
                long[][] nanos = new long[ports.length][ROUNDS];
                for (int port : ports) {
                    download(port); // warm-up of every path and of the JIT
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int path = 0; path < ports.length; path++) {
                        nanos[path][round] = download(ports[path]);
                    }
                    System.out.printf("round %d: Dora tunnel %.0f MB/s, ssh -L %.0f MB/s, ssh -L -c aes128-ctr %.0f MB/s%n",
                            round + 1, rate(nanos[0][round]), rate(nanos[1][round]), rate(nanos[2][round]));
                }
                double dora = best(nanos[0]);
                double ssh = best(nanos[1]);
                double sshSameCipher = best(nanos[2]);
                System.out.printf("bulk transfer, %d MB, best of %d: Dora tunnel %.0f MB/s; OpenSSH ssh -L %.0f MB/s"
                        + " (ratio %.2f), with aes128-ctr %.0f MB/s (ratio %.2f); target >= 0.50%n", MEGABYTES, ROUNDS,
                        dora, ssh, dora / ssh, sshSameCipher, dora / sshSameCipher);
            } finally {
                for (Process process : List.of(openssh, sameCipher)) {
                    process.destroy();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
        System.exit(0);
    }

    private static Process sshForward(OpenSshServer sshd, Path key, Path knownHosts, int localPort, int remotePort,
            List<String> options) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("ssh", "-N", "-o", "BatchMode=yes", "-o",
                "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "ExitOnForwardFailure=yes",
                "-i", key.toString(), "-p", String.valueOf(sshd.port()), "-L",
                "127.0.0.1:" + localPort + ":127.0.0.1:" + remotePort));
        command.addAll(options);
        command.add(OpenSshServer.USER + "@127.0.0.1");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static double best(long[] nanos) {
        return rate(Arrays.stream(nanos).min().orElseThrow());
    }

    private static double rate(long nanos) {
        return MEGABYTES / (nanos / 1e9);
    }

    /** Reads everything the source sends through the port; returns the nanoseconds it took. */
    private static long download(int port) throws IOException {
        long start = System.nanoTime();
        long total = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0;) {
                total += read;
            }
        }
        if (total != MEGABYTES * 1024L * 1024L) {
            throw new IOException("short transfer: " + total + " bytes");
        }
        return System.nanoTime() - start;
    }

    private static ServerSocket startSource() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            while (!server.isClosed()) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    for (int sent = 0; sent < MEGABYTES * 16; sent++) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // next client
                }
            }
        }, "bench-source");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static void awaitPort(int port, Process process) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("ssh -L failed: " + new String(process.getInputStream().readAllBytes()));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("ssh -L did not open its port");
    }
}
