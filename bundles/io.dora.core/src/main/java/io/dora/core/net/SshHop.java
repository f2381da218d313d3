package io.dora.core.net;

import java.util.Objects;

/**
 * One SSH host of a route.
 *
 * @param host a host name, an address, or a Host alias of {@code ~/.ssh/config}
 * @param port the SSH port; 0 means "from ssh config, else 22"
 * @param user the login; empty means "from ssh config, else the local user name"
 * @param auth how to authenticate
 */
public record SshHop(String host, int port, String user, SshAuth auth) {

    public SshHop {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(auth, "auth");
    }
}
