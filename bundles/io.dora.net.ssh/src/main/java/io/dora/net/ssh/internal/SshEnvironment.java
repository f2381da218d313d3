package io.dora.net.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the user's OpenSSH files are: the folder of {@code config}, {@code known_hosts} and the default keys,
 * and the ssh-agent's socket. Configurable so tests (and portable installs) never touch the real {@code ~/.ssh}.
 *
 * @param sshDirectory the folder that stands for {@code ~/.ssh}
 * @param agentSocket  the ssh-agent's socket ({@code SSH_AUTH_SOCK}); {@code null} when there is no agent
 */
record SshEnvironment(Path sshDirectory, Path agentSocket) {

    /** The DS component property that overrides {@code ~/.ssh}. */
    static final String SSH_DIRECTORY_PROPERTY = "dora.ssh.directory";

    static SshEnvironment of(Map<String, ?> properties) {
        Object directory = properties.get(SSH_DIRECTORY_PROPERTY);
        Path sshDirectory = directory instanceof String text && !text.isBlank() ? Path.of(text)
                : Path.of(System.getProperty("user.home"), ".ssh");
        String socket = System.getenv("SSH_AUTH_SOCK");
        return new SshEnvironment(sshDirectory, socket == null || socket.isBlank() ? null : Path.of(socket));
    }

    Path configFile() {
        return sshDirectory.resolve("config");
    }

    Path defaultKnownHosts() {
        return sshDirectory.resolve("known_hosts");
    }

    /** The keys OpenSSH tries when nothing names one, in its order, those that exist. */
    List<Path> defaultIdentities() {
        return Stream.of("id_ed25519", "id_ecdsa", "id_rsa").map(sshDirectory::resolve)
                .filter(Files::isRegularFile).toList();
    }
}
