package io.dora.net.ssh;

import io.dora.core.net.SshSettings;

/** Opens SSH tunnels; implementations are DS services. */
public interface SshTunnelBackend {

    /**
     * Opens (or shares) a tunnel through the hops of {@code settings} to {@code remoteHost:remotePort}, as seen
     * from the last hop.
     */
    Tunnel open(SshSettings settings, String remoteHost, int remotePort) throws SshTunnelException;
}
