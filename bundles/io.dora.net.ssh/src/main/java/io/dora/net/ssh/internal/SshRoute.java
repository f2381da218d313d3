package io.dora.net.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import io.dora.core.net.SshTunnelException;
import io.dora.core.net.SshTunnelException.Failure;

/**
 * One shared tunnel: a listening socket on 127.0.0.1 (a free port, kept for the tunnel's whole life) whose
 * clients are forwarded through the route's last SSH session to the remote host and port. The sessions are
 * rebuilt when they died (keepalives unanswered, sshd restarted): on the next client, or when asked by
 * {@link #ensureConnected()}, which reports why it cannot.
 */
final class SshRoute implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshRoute.class);
    /** How long close() waits for the acceptor to leave (it may be forwarding a last client). */
    private static final long ACCEPTOR_EXIT_MS = 2_000;

    private final List<ResolvedHop> hops;
    private final HopConnector connector;
    private final String remoteHost;
    private final int remotePort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private List<Session> sessions = List.of();
    private volatile boolean closed;

    private SshRoute(List<ResolvedHop> hops, HopConnector connector, String remoteHost, int remotePort)
            throws IOException {
        this.hops = hops;
        this.connector = connector;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptClients, "dora-ssh-tunnel-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Connects the route, proves the last hop can reach the remote port, then starts listening. */
    static SshRoute open(List<ResolvedHop> hops, HopConnector connector, String remoteHost, int remotePort) {
        SshRoute route;
        try {
            route = new SshRoute(hops, connector, remoteHost, remotePort);
        } catch (IOException e) {
            throw new SshTunnelException(Failure.SETTINGS, 0, "No local port for the SSH tunnel: " + e.getMessage(), e);
        }
        try {
            route.ensureConnected();
            route.probeForward();
        } catch (RuntimeException e) {
            route.close();
            throw e;
        }
        route.acceptor.start();
        LOG.info("SSH tunnel 127.0.0.1:{} -> {} -> {}:{} open", route.localPort(), route.describeHops(), remoteHost,
                remotePort);
        return route;
    }

    int localPort() {
        return listener.getLocalPort();
    }

    /** Reconnects the hops when a session died; a no-op while they are all up. */
    synchronized Session ensureConnected() {
        if (closed) {
            throw new SshTunnelException(Failure.SETTINGS, 0, "The SSH tunnel to " + remoteHost + ":" + remotePort
                    + " is closed");
        }
        if (!sessions.isEmpty() && sessions.stream().allMatch(Session::isConnected)) {
            return sessions.get(sessions.size() - 1);
        }
        if (!sessions.isEmpty()) {
            LOG.info("SSH tunnel 127.0.0.1:{} lost its session to {}: reconnecting", localPort(), describeHops());
            HopConnector.disconnect(sessions);
        }
        sessions = connector.connect(hops);
        return sessions.get(sessions.size() - 1);
    }

    /** Opens and closes one forward, so a refused destination is reported now and not as a driver's EOF. */
    private void probeForward() {
        ChannelDirectTCPIP channel = openForward(ensureConnected());
        try {
            connectForward(channel);
        } finally {
            channel.disconnect();
        }
    }

    private ChannelDirectTCPIP openForward(Session session) {
        ChannelDirectTCPIP channel = null;
        try {
            channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
            channel.setHost(remoteHost);
            channel.setPort(remotePort);
            return channel;
        } catch (JSchException e) {
            throw forwardRefused(channel, e);
        }
    }

    private void connectForward(ChannelDirectTCPIP channel) {
        try {
            channel.connect(HopConnector.CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            throw forwardRefused(channel, e);
        }
    }

    private SshTunnelException forwardRefused(ChannelDirectTCPIP channel, JSchException cause) {
        ResolvedHop last = hops.get(hops.size() - 1);
        String reason = channel == null ? String.valueOf(cause.getMessage())
                : ChannelFailures.describe(channel.getExitStatus());
        return new SshTunnelException(Failure.FORWARD_REFUSED, last.position(), last.label()
                + " could not forward to " + remoteHost + ":" + remotePort + ": " + reason, cause);
    }

    private void acceptClients() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("SSH tunnel 127.0.0.1:{} stopped accepting: {}", localPort(), e.toString());
                }
                return;
            }
            forward(client);
        }
    }

    private void forward(Socket client) {
        try {
            client.setTcpNoDelay(true);
            ChannelDirectTCPIP channel = openForward(ensureConnected());
            channel.setInputStream(client.getInputStream());
            channel.setOutputStream(client.getOutputStream());
            channel.setOrgIPAddress(client.getInetAddress().getHostAddress());
            channel.setOrgPort(client.getPort());
            connectForward(channel);
        } catch (IOException | RuntimeException e) {
            LOG.warn("SSH tunnel 127.0.0.1:{} could not forward a client to {}:{}: {}", localPort(), remoteHost,
                    remotePort, e.getMessage());
            try {
                client.close();
            } catch (IOException ignored) {
                // the client sees its connection end
            }
        }
    }

    /**
     * While the acceptor is still blocked in accept(), the JDK defers the real close of the listening socket, so a
     * client arriving then would be let in and then closed: once close() returns, the port must refuse instead.
     */
    private void awaitAcceptor() {
        if (Thread.currentThread() == acceptor || !acceptor.isAlive()) {
            return;
        }
        try {
            acceptor.join(ACCEPTOR_EXIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String describeHops() {
        return String.join(" -> ", hops.stream().map(hop -> hop.user() + "@" + hop.hostName() + ":" + hop.port())
                .toList());
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Closing the tunnel's listener failed", e);
        }
        awaitAcceptor();
        synchronized (this) {
            HopConnector.disconnect(sessions);
            sessions = List.of();
        }
        LOG.info("SSH tunnel 127.0.0.1:{} to {}:{} closed", localPort(), remoteHost, remotePort);
    }
}
