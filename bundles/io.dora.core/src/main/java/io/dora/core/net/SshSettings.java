package io.dora.core.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a database through SSH: a chain of hops, the last of which forwards to the database.
 * A single hop is the plain tunnel; more hops are jump hosts (ProxyJump style), each verified under its
 * own host name.
 *
 * @param hops            the SSH hosts in order, first the one reached directly; at least one
 * @param hostKeyPolicy   what to do with a host key that is not in known_hosts
 * @param knownHostsFile  the known_hosts file to read and write; {@code null} for {@code ~/.ssh/known_hosts}
 * @param useSshConfig    whether {@code ~/.ssh/config} fills in aliases, users, ports, keys and ProxyJump
 * @param keepAlive       the interval of SSH keepalive messages; zero turns them off
 */
public record SshSettings(List<SshHop> hops, HostKeyPolicy hostKeyPolicy, java.nio.file.Path knownHostsFile,
        boolean useSshConfig, Duration keepAlive) {

    public SshSettings {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("An SSH route needs at least one host");
        }
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException("The SSH keepalive interval cannot be negative");
        }
    }

    /** The host that opens the forward to the database. */
    public SshHop target() {
        return hops.get(hops.size() - 1);
    }

    /** The jump hosts before the target, in order; empty for a plain tunnel. */
    public List<SshHop> jumpHosts() {
        return hops.subList(0, hops.size() - 1);
    }
}
