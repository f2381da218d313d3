package io.dora.net.ssh.internal;

import java.nio.file.Path;
import java.util.List;

import io.dora.core.net.SshAuth;

/**
 * One SSH host of a route after {@code ~/.ssh/config} filled in its gaps.
 *
 * @param position   1-based position in the route, for messages ("hop 2")
 * @param hostName   the name or address to connect to
 * @param port       the SSH port
 * @param user       the login
 * @param auth       how to log in
 * @param identities key files named by the config (IdentityFile), tried for {@link SshAuth.FromSshConfig}
 */
record ResolvedHop(int position, String hostName, int port, String user, SshAuth auth, List<Path> identities) {

    ResolvedHop {
        identities = List.copyOf(identities);
    }

    ResolvedHop at(int newPosition) {
        return new ResolvedHop(newPosition, hostName, port, user, auth, identities);
    }

    /** "hop 2 (deploy@bastion:2222)" */
    String label() {
        return "SSH hop " + position + " (" + user + "@" + hostName + ":" + port + ")";
    }
}
