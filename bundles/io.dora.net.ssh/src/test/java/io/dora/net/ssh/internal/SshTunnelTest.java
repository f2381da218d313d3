package io.dora.net.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelException;
import io.dora.core.net.SshTunnelException.Failure;
import io.dora.core.net.Tunnel;
import io.dora.core.secret.SecretString;

/** The JSch backend against real OpenSSH servers: logins, host keys, jump chains, ssh config, sharing, healing. */
class SshTunnelTest {

    private static OpenSshServer target;
    private static OpenSshServer jump1;
    private static OpenSshServer jump2;
    private static EchoServer echo;
    private static Path keys;
    private static Path sshDirectory;
    private final List<String> asked = new ArrayList<>();
    private boolean answer;
    private JschTunnelBackend backend;

    @BeforeAll
    static void startServers() throws Exception {
        target = OpenSshServer.start("");
        jump1 = OpenSshServer.start("");
        jump2 = OpenSshServer.start("");
        echo = new EchoServer();
        keys = OpenSshServer.clientKeys();
        sshDirectory = Files.createTempDirectory("dora-dot-ssh");
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable server : new AutoCloseable[] { target, jump1, jump2, echo }) {
            if (server != null) {
                server.close();
            }
        }
        OpenSshServer.deleteQuietly(sshDirectory);
    }

    private JschTunnelBackend backend() {
        if (backend == null) {
            backend = new JschTunnelBackend(new SshEnvironment(sshDirectory, null), (host, type, fingerprint) -> {
                asked.add(host + " " + type + " " + fingerprint);
                return answer;
            });
        }
        return backend;
    }

    private static SshHop hop(OpenSshServer server, SshAuth auth) {
        return new SshHop("127.0.0.1", server.port(), OpenSshServer.USER, auth);
    }

    private static SshAuth password() {
        return new SshAuth.Password(SecretString.of(OpenSshServer.PASSWORD));
    }

    private static SshAuth key(String name) {
        return new SshAuth.PrivateKey(keys.resolve(name), SecretString.empty());
    }

    private static SshSettings settings(Path knownHosts, HostKeyPolicy policy, SshHop... hops) {
        return new SshSettings(List.of(hops), policy, knownHosts, false, Duration.ofSeconds(5));
    }

    private Tunnel open(SshSettings settings) {
        return backend().open(settings, "127.0.0.1", echo.port());
    }

    @Test
    void passwordLoginForwardsFromLoopback() throws Exception {
        try (Tunnel tunnel = open(settings(OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                hop(target, password())))) {
            assertEquals("hello", EchoServer.roundTrip(tunnel.localPort(), "hello"));
        }
    }

    @ParameterizedTest
    @CsvSource({ "id_ed25519,", "id_rsa,", "id_rsa_pem,", "id_ecdsa,", "id_ed25519_enc," + OpenSshServer.KEY_PASSPHRASE })
    void privateKeysOfEveryKind(String file, String passphrase) throws Exception {
        SshAuth auth = new SshAuth.PrivateKey(keys.resolve(file),
                passphrase == null ? SecretString.empty() : SecretString.of(passphrase));
        try (Tunnel tunnel = open(settings(OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                hop(target, auth)))) {
            assertEquals(file, EchoServer.roundTrip(tunnel.localPort(), file));
        }
    }

    @Test
    void keysOfTheSshAgent() throws Exception {
        Path socket = Files.createTempDirectory("dora-agent").resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .start();
        try {
            for (int i = 0; i < 100 && Files.notExists(socket); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", keys.resolve("id_ecdsa").toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertEquals(0, adding.waitFor(), new String(adding.getInputStream().readAllBytes()));
            JschTunnelBackend withAgent = new JschTunnelBackend(new SshEnvironment(sshDirectory, socket),
                    new RefusingHostKeyConfirmation());
            try (Tunnel tunnel = withAgent.open(settings(OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                    hop(target, new SshAuth.Agent())), "127.0.0.1", echo.port())) {
                assertEquals("agent", EchoServer.roundTrip(tunnel.localPort(), "agent"));
            }
        } finally {
            agent.destroy();
        }
        SshTunnelException noAgent = assertThrows(SshTunnelException.class, () -> open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT, hop(target, new SshAuth.Agent()))));
        assertEquals(Failure.SETTINGS, noAgent.failure(), noAgent.getMessage());
        assertTrue(noAgent.getMessage().contains("SSH_AUTH_SOCK"), noAgent.getMessage());
    }

    @Test
    void keyboardInteractiveAnswersThePrompts() throws Exception {
        try (OpenSshServer pam = OpenSshServer.start("""
                UsePAM yes
                PasswordAuthentication no
                KbdInteractiveAuthentication yes
                """)) {
            Path knownHosts = OpenSshServer.knownHosts(pam);
            try (Tunnel tunnel = backend().open(settings(knownHosts, HostKeyPolicy.STRICT, hop(pam,
                    new SshAuth.KeyboardInteractive(SecretString.of(OpenSshServer.PASSWORD)))), "127.0.0.1",
                    echo.port())) {
                assertEquals("kbd", EchoServer.roundTrip(tunnel.localPort(), "kbd"));
            }
            SshTunnelException wrong = assertThrows(SshTunnelException.class, () -> backend().open(settings(
                    knownHosts, HostKeyPolicy.STRICT, hop(pam, new SshAuth.KeyboardInteractive(SecretString.of("no")))),
                    "127.0.0.1", echo.port()));
            assertEquals(Failure.AUTHENTICATION, wrong.failure(), wrong.getMessage());
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureOfItsHop() throws Exception {
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                hop(target, new SshAuth.Password(SecretString.of("wrong"))))));
        assertEquals(Failure.AUTHENTICATION, failure.failure(), failure.getMessage());
        assertEquals(1, failure.hop());
        assertTrue(failure.getMessage().contains("refused the login of 'sshtest'"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("wrong"), "the password must not show");
    }

    @Test
    void wrongPassphraseIsAnAuthenticationFailure() throws Exception {
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT, hop(target,
                        new SshAuth.PrivateKey(keys.resolve("id_ed25519_enc"), SecretString.of("nope"))))));
        assertEquals(Failure.AUTHENTICATION, failure.failure(), failure.getMessage());
        assertTrue(failure.getMessage().contains("passphrase"), failure.getMessage());
    }

    @Test
    void unknownHostIsRefusedWhenStrict() throws Exception {
        Path empty = Files.createTempDirectory("dora-kh").resolve("known_hosts");
        SshTunnelException failure = assertThrows(SshTunnelException.class,
                () -> open(settings(empty, HostKeyPolicy.STRICT, hop(target, password()))));
        assertEquals(Failure.HOST_KEY_UNKNOWN, failure.failure(), failure.getMessage());
        assertTrue(failure.getMessage().contains(target.fingerprint()), failure.getMessage());
        assertTrue(Files.notExists(empty), "strict never writes known_hosts");
    }

    @Test
    void acceptNewWritesTheKeyAndStrictAcceptsItAfterwards() throws Exception {
        Path file = Files.createTempDirectory("dora-kh").resolve("sub/known_hosts");
        try (Tunnel tunnel = open(settings(file, HostKeyPolicy.ACCEPT_NEW, hop(target, password())))) {
            assertEquals("x", EchoServer.roundTrip(tunnel.localPort(), "x"));
        }
        assertTrue(Files.readString(file).startsWith("[127.0.0.1]:" + target.port() + " ssh-ed25519 "));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        try (Tunnel tunnel = open(settings(file, HostKeyPolicy.STRICT, hop(target, password())))) {
            assertEquals("y", EchoServer.roundTrip(tunnel.localPort(), "y"));
        }
    }

    @Test
    void askGoesThroughTheConfirmation() throws Exception {
        Path file = Files.createTempDirectory("dora-kh").resolve("known_hosts");
        answer = false;
        SshTunnelException refused = assertThrows(SshTunnelException.class,
                () -> open(settings(file, HostKeyPolicy.ASK, hop(target, password()))));
        assertEquals(Failure.HOST_KEY_UNKNOWN, refused.failure(), refused.getMessage());
        assertEquals(List.of("[127.0.0.1]:" + target.port() + " ssh-ed25519 " + target.fingerprint()), asked);
        answer = true;
        try (Tunnel tunnel = open(settings(file, HostKeyPolicy.ASK, hop(target, password())))) {
            assertEquals("z", EchoServer.roundTrip(tunnel.localPort(), "z"));
        }
        assertTrue(Files.readString(file).contains(target.knownHostsLine()));
    }

    @Test
    void headlessDefaultRefusesWhenAsked() throws Exception {
        JschTunnelBackend headless = new JschTunnelBackend(new SshEnvironment(sshDirectory, null),
                new RefusingHostKeyConfirmation());
        Path file = Files.createTempDirectory("dora-kh").resolve("known_hosts");
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> headless.open(
                settings(file, HostKeyPolicy.ASK, hop(target, password())), "127.0.0.1", echo.port()));
        assertEquals(Failure.HOST_KEY_UNKNOWN, failure.failure(), failure.getMessage());
    }

    @Test
    void changedHostKeyIsRefusedWithBothFingerprints() throws Exception {
        Path file = Files.createTempDirectory("dora-kh").resolve("known_hosts");
        // jump1's key written under target's name: to the client, target now shows another key
        Files.writeString(file, jump1.knownHostsLine().replace(":" + jump1.port() + " ", ":" + target.port() + " ")
                + "\n");
        for (HostKeyPolicy policy : HostKeyPolicy.values()) {
            answer = true;
            SshTunnelException failure = assertThrows(SshTunnelException.class,
                    () -> open(settings(file, policy, hop(target, password()))));
            assertEquals(Failure.HOST_KEY_CHANGED, failure.failure(), failure.getMessage());
            assertTrue(failure.getMessage().contains(jump1.fingerprint()), failure.getMessage());
            assertTrue(failure.getMessage().contains(target.fingerprint()), failure.getMessage());
        }
        assertTrue(asked.isEmpty(), "a changed key is never put to the user");
    }

    @Test
    void hashedKnownHostsEntriesAreRead() throws Exception {
        Path file = OpenSshServer.knownHosts(target);
        OpenSshServer.run(List.of("ssh-keygen", "-q", "-H", "-f", file.toString()));
        assertTrue(Files.readString(file).startsWith("|1|"), "hashed by ssh-keygen -H");
        try (Tunnel tunnel = open(settings(file, HostKeyPolicy.STRICT, hop(target, password())))) {
            assertEquals("h", EchoServer.roundTrip(tunnel.localPort(), "h"));
        }
    }

    @Test
    void threeHopChainVerifiesEachHostUnderItsOwnName() throws Exception {
        Path all = OpenSshServer.knownHosts(jump1, jump2, target);
        try (Tunnel tunnel = open(settings(all, HostKeyPolicy.STRICT, hop(jump1, password()),
                hop(jump2, key("id_ed25519")), hop(target, key("id_ecdsa"))))) {
            assertEquals("3 hops", EchoServer.roundTrip(tunnel.localPort(), "3 hops"));
        }
        Path withoutSecond = OpenSshServer.knownHosts(jump1, target);
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> open(settings(withoutSecond,
                HostKeyPolicy.STRICT, hop(jump1, password()), hop(jump2, password()), hop(target, password()))));
        assertEquals(Failure.HOST_KEY_UNKNOWN, failure.failure(), failure.getMessage());
        assertEquals(2, failure.hop());
    }

    @Test
    void unreachableHopsAreNamed() throws Exception {
        int nothing = OpenSshServer.freePort();
        SshTunnelException first = assertThrows(SshTunnelException.class, () -> open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                new SshHop("127.0.0.1", nothing, OpenSshServer.USER, password()))));
        assertEquals(Failure.HOP_UNREACHABLE, first.failure(), first.getMessage());
        assertEquals(1, first.hop());
        SshTunnelException second = assertThrows(SshTunnelException.class, () -> open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT, hop(target, password()),
                new SshHop("127.0.0.1", nothing, OpenSshServer.USER, password()))));
        assertEquals(Failure.HOP_UNREACHABLE, second.failure(), second.getMessage());
        assertEquals(2, second.hop());
        assertTrue(second.getMessage().contains("unreachable from hop 1"), second.getMessage());
    }

    @Test
    void refusedForwardIsReportedWhenOpening() throws Exception {
        int nothing = OpenSshServer.freePort();
        SshTunnelException failure = assertThrows(SshTunnelException.class, () -> backend().open(settings(
                OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT, hop(target, password())), "127.0.0.1", nothing));
        assertEquals(Failure.FORWARD_REFUSED, failure.failure(), failure.getMessage());
        assertTrue(failure.getMessage().contains("127.0.0.1:" + nothing), failure.getMessage());
    }

    @Test
    void sshConfigAliasesUsersPortsKeysAndProxyJump() throws Exception {
        Path directory = Files.createTempDirectory("dora-dot-ssh");
        Files.writeString(directory.resolve("config"), """
                Host bastion
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  IdentityFile %s
                Host db-host
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  IdentityFile %s
                  ProxyJump bastion
                """.formatted(jump1.port(), OpenSshServer.USER, keys.resolve("id_rsa"), target.port(),
                OpenSshServer.USER, keys.resolve("id_ed25519")));
        Files.write(directory.resolve("known_hosts"), List.of(jump1.knownHostsLine(), target.knownHostsLine()));
        JschTunnelBackend configured = new JschTunnelBackend(new SshEnvironment(directory, null),
                new RefusingHostKeyConfirmation());
        SshSettings viaConfig = new SshSettings(List.of(new SshHop("db-host", 0, "", new SshAuth.FromSshConfig())),
                HostKeyPolicy.STRICT, null, true, Duration.ofSeconds(5));
        try (Tunnel tunnel = configured.open(viaConfig, "127.0.0.1", echo.port())) {
            assertEquals("config", EchoServer.roundTrip(tunnel.localPort(), "config"));
        }
    }

    @Test
    void tunnelsAreSharedByRouteAndClosedWithTheLastReference() throws Exception {
        SshSettings settings = settings(OpenSshServer.knownHosts(target), HostKeyPolicy.STRICT,
                hop(target, password()));
        Tunnel first = open(settings);
        Tunnel second = open(settings);
        assertEquals(first.localPort(), second.localPort());
        assertEquals(1, backend().openTunnels());
        first.close();
        first.close();
        assertEquals("still", EchoServer.roundTrip(second.localPort(), "still"));
        second.close();
        assertEquals(0, backend().openTunnels());
        assertThrows(IOException.class, () -> EchoServer.roundTrip(second.localPort(), "gone"));
    }

    @Test
    void deadTunnelIsRebuiltOnTheSamePort() throws Exception {
        OpenSshServer own = OpenSshServer.start("");
        try (own; Tunnel tunnel = open(settings(OpenSshServer.knownHosts(own), HostKeyPolicy.STRICT,
                hop(own, password())))) {
            assertEquals("before", EchoServer.roundTrip(tunnel.localPort(), "before"));
            own.kill();
            SshTunnelException down = awaitFailure(tunnel);
            assertEquals(Failure.HOP_UNREACHABLE, down.failure(), down.getMessage());
            own.restart();
            // no ensureOpen: a client on the local port is enough to rebuild the route
            assertEquals("after", EchoServer.roundTrip(tunnel.localPort(), "after"));
            assertEquals(tunnel.localPort(), tunnel.ensureOpen());
        }
    }

    /** The session notices a killed sshd within a moment (its socket closes); until then it looks alive. */
    private static SshTunnelException awaitFailure(Tunnel tunnel) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                tunnel.ensureOpen();
            } catch (SshTunnelException e) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the tunnel did not notice that its sshd was killed");
    }
}
