package io.dora.net.ssh.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.UserInfo;

import io.dora.core.net.HostKeyConfirmation;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelException;
import io.dora.core.net.SshTunnelException.Failure;
import io.dora.core.secret.SecretString;

/**
 * Logs in to the hops of a route one after the other, each through a {@code direct-tcpip} channel of the one
 * before it (ProxyJump style: no local port for the jump hosts), each host key checked under the hop's own
 * name. Failures become {@link SshTunnelException}s that name the hop and what failed.
 */
final class HopConnector {

    static final int CONNECT_TIMEOUT_MS = 15_000;
    /** Keepalives unanswered this many times in a row end the session, so a dead route is noticed. */
    private static final int KEEPALIVE_COUNT_MAX = 3;

    private static final JschLog JSCH_LOG = new JschLog();

    private final SshSettings settings;
    private final SshEnvironment environment;
    private final HostKeyConfirmation confirmation;

    HopConnector(SshSettings settings, SshEnvironment environment, HostKeyConfirmation confirmation) {
        this.settings = settings;
        this.environment = environment;
        this.confirmation = confirmation;
    }

    /** Connects every hop; on failure, the sessions already open are closed. */
    List<Session> connect(List<ResolvedHop> hops) {
        List<Session> sessions = new ArrayList<>();
        try {
            for (ResolvedHop hop : hops) {
                sessions.add(connect(hop, sessions.isEmpty() ? null : sessions.get(sessions.size() - 1)));
            }
            return sessions;
        } catch (RuntimeException e) {
            disconnect(sessions);
            throw e;
        }
    }

    static void disconnect(List<Session> sessions) {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            sessions.get(i).disconnect();
        }
    }

    private Session connect(ResolvedHop hop, Session previous) {
        JSch jsch = new JSch();
        jsch.setInstanceLogger(JSCH_LOG);
        Path knownHosts = settings.knownHostsFile() != null ? settings.knownHostsFile()
                : environment.defaultKnownHosts();
        HostKeyVerifier verifier;
        try {
            if (Files.isRegularFile(knownHosts)) {
                jsch.setKnownHosts(knownHosts.toString());
            }
            verifier = new HostKeyVerifier(jsch.getHostKeyRepository(), knownHosts, settings.hostKeyPolicy(),
                    confirmation, hop);
            jsch.setHostKeyRepository(verifier);
        } catch (JSchException e) {
            throw new SshTunnelException(Failure.SETTINGS, hop.position(),
                    "The known_hosts file " + knownHosts + " cannot be read: " + e.getMessage(), e);
        }
        Session session;
        try {
            session = jsch.getSession(hop.user(), hop.hostName(), hop.port());
        } catch (JSchException e) {
            throw new SshTunnelException(Failure.SETTINGS, hop.position(), hop.label() + ": " + e.getMessage(), e);
        }
        session.setConfig("StrictHostKeyChecking", "yes");
        String methods = authenticate(jsch, session, hop);
        session.setConfig("PreferredAuthentications", methods);
        if (!settings.keepAlive().isZero()) {
            try {
                session.setServerAliveInterval((int) Math.min(Integer.MAX_VALUE, settings.keepAlive().toMillis()));
            } catch (JSchException e) {
                throw new SshTunnelException(Failure.SETTINGS, hop.position(), e.getMessage(), e);
            }
            session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
        }
        if (previous != null) {
            session.setProxy(new ChannelProxy(previous, hop));
        }
        try {
            session.connect(CONNECT_TIMEOUT_MS);
            return session;
        } catch (JSchException e) {
            session.disconnect();
            throw failure(e, hop, verifier, methods, previous != null);
        }
    }

    /** Sets up the hop's credentials; returns the SSH methods to offer, in order. */
    private String authenticate(JSch jsch, Session session, ResolvedHop hop) {
        SshAuth auth = hop.auth();
        if (auth instanceof SshAuth.Password password) {
            session.setPassword(password.password().revealUtf8());
            session.setUserInfo(new Answers(password.password()));
            return "password,keyboard-interactive";
        }
        if (auth instanceof SshAuth.KeyboardInteractive interactive) {
            session.setUserInfo(new Answers(interactive.response()));
            return "keyboard-interactive";
        }
        if (auth instanceof SshAuth.PrivateKey key) {
            addIdentity(jsch, hop, key.keyFile(), key.passphrase());
            return "publickey";
        }
        if (auth instanceof SshAuth.Agent) {
            useAgent(jsch, hop);
            return "publickey";
        }
        // FromSshConfig: the config's IdentityFile entries, else the default keys, else the agent
        List<Path> identities = hop.identities().isEmpty() ? environment.defaultIdentities() : hop.identities();
        if (identities.isEmpty() && environment.agentSocket() != null) {
            useAgent(jsch, hop);
        }
        for (Path identity : identities) {
            addIdentity(jsch, hop, identity, SecretString.empty());
        }
        return "publickey";
    }

    private static void addIdentity(JSch jsch, ResolvedHop hop, Path keyFile, SecretString passphrase) {
        if (!Files.isReadable(keyFile)) {
            throw new SshTunnelException(Failure.SETTINGS, hop.position(),
                    "The private key " + keyFile + " for " + hop.label() + " does not exist or cannot be read");
        }
        try {
            jsch.addIdentity(keyFile.toString(), passphrase.isEmpty() ? null : passphrase.revealUtf8());
        } catch (JSchException e) {
            String reason = passphrase.isEmpty() ? "it is not a private key JSch can read, or it needs a passphrase"
                    : "the passphrase is wrong, or it is not a private key JSch can read";
            throw new SshTunnelException(Failure.AUTHENTICATION, hop.position(),
                    "The private key " + keyFile + " for " + hop.label() + " cannot be used: " + reason, e);
        }
    }

    private void useAgent(JSch jsch, ResolvedHop hop) {
        Path socket = environment.agentSocket();
        if (socket == null) {
            throw new SshTunnelException(Failure.SETTINGS, hop.position(), hop.label()
                    + " should log in with the ssh-agent, but there is none (SSH_AUTH_SOCK is not set)");
        }
        try {
            jsch.setIdentityRepository(new AgentIdentityRepository(
                    new SSHAgentConnector(new UnixDomainSocketFactory(), socket)));
        } catch (AgentProxyException e) {
            throw new SshTunnelException(Failure.SETTINGS, hop.position(),
                    "The ssh-agent at " + socket + " cannot be used for " + hop.label() + ": " + e.getMessage(), e);
        }
    }

    private static SshTunnelException failure(JSchException e, ResolvedHop hop, HostKeyVerifier verifier,
            String methods, boolean behindJump) {
        if (verifier.rejection() != null) {
            return verifier.rejection();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SshTunnelException tunnel) {
                return tunnel;
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")
                || message.contains("Too many authentication failures")) {
            return new SshTunnelException(Failure.AUTHENTICATION, hop.position(), hop.label()
                    + " refused the login of '" + hop.user() + "' (tried " + methods + ")", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                || message.startsWith("timeout")) {
            return new SshTunnelException(Failure.HOP_UNREACHABLE, hop.position(), hop.label() + " is unreachable"
                    + (behindJump ? " from hop " + (hop.position() - 1) : "") + ": "
                    + (cause == null ? message : cause.getMessage()), e);
        }
        return new SshTunnelException(Failure.HOP_UNREACHABLE, hop.position(), hop.label() + " failed: " + message, e);
    }

    /** A jump: the next hop's SSH connection runs inside a direct-tcpip channel of this session. */
    private static final class ChannelProxy implements Proxy {

        private final Session through;
        private final ResolvedHop hop;
        private ChannelDirectTCPIP channel;
        private InputStream in;
        private OutputStream out;

        ChannelProxy(Session through, ResolvedHop hop) {
            this.through = through;
            this.hop = hop;
        }

        @Override
        public void connect(SocketFactory factory, String host, int port, int timeout) throws Exception {
            channel = (ChannelDirectTCPIP) through.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            in = channel.getInputStream();
            out = channel.getOutputStream();
            try {
                channel.connect(timeout);
            } catch (JSchException e) {
                throw new SshTunnelException(Failure.HOP_UNREACHABLE, hop.position(), hop.label()
                        + " is unreachable from hop " + (hop.position() - 1) + ": "
                        + ChannelFailures.describe(channel.getExitStatus()), e);
            }
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public Socket getSocket() {
            return null;
        }

        @Override
        public void close() {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** Answers every prompt of keyboard-interactive (and a password prompt) with the one secret it holds. */
    private static final class Answers implements UserInfo, UIKeyboardInteractive {

        private final SecretString secret;
        private int answered;

        Answers(SecretString secret) {
            this.secret = secret;
        }

        @Override
        public String[] promptKeyboardInteractive(String destination, String name, String instruction,
                String[] prompt, boolean[] echo) {
            if (prompt.length > 0 && answered++ > 0) {
                return null; // asked again: the one secret was wrong, repeating it would only cost time
            }
            String[] answers = new String[prompt.length];
            java.util.Arrays.fill(answers, secret.revealAsString());
            return answers;
        }

        @Override
        public String getPassphrase() {
            return null;
        }

        @Override
        public String getPassword() {
            return secret.revealAsString();
        }

        @Override
        public boolean promptPassword(String message) {
            return false; // the session's password was tried: asking again would only repeat it
        }

        @Override
        public boolean promptPassphrase(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false; // host keys are decided by HostKeyVerifier, never here
        }

        @Override
        public void showMessage(String message) {
            // banners are not shown headless
        }
    }
}
