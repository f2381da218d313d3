package io.dora.core.net;

/**
 * One user's reference to a shared SSH tunnel: a local port on 127.0.0.1 forwarded to a remote host and port.
 * Connections that use the same route share the tunnel; it closes when the last reference closes.
 */
public interface Tunnel extends AutoCloseable {

    /** The local port on 127.0.0.1; it stays the same when the tunnel is rebuilt. */
    int localPort();

    /**
     * Checks the route and rebuilds it when it died (sleep, idle cut, sshd restart). The tunnel also rebuilds
     * itself when a client connects to the local port; this call exists to report why it cannot.
     *
     * @return the local port to connect to
     * @throws SshTunnelException when the route cannot be rebuilt, saying which hop failed and why
     */
    int ensureOpen();

    /** Releases this reference; the last one closes the tunnel. Closing twice does nothing. */
    @Override
    void close();
}
