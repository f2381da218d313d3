package io.dora.core.net;

/**
 * Opens SSH tunnels; implementations are DS services. The connection engine takes one through an optional,
 * dynamic reference: a spec with {@link SshSettings} fails with a clear error while none is installed.
 */
public interface SshTunnelBackend {

    /**
     * Opens (or shares) a tunnel through the hops of {@code settings} to {@code remoteHost:remotePort}, as seen
     * from the last hop. Each call returns a reference of its own; the tunnel closes with the last one.
     *
     * @throws SshTunnelException saying which hop failed and why
     */
    Tunnel open(SshSettings settings, String remoteHost, int remotePort);
}
