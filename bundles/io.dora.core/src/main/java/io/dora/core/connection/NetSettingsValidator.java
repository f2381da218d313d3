package io.dora.core.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;

/** The host, TLS and SSH checks of {@link ConnectionSpecValidator}; local file checks only, no network. */
final class NetSettingsValidator {

    /** A DNS name (underscores allowed: container and Windows names use them), or an IPv4 address. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    /** An IPv6 literal, optionally with a zone ({@code fe80::1%eth0}); brackets are added by the drivers. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    private NetSettingsValidator() {
    }

    static void hostProblems(String what, String host, List<String> problems) {
        if (host.isBlank()) {
            problems.add(what + " is empty");
        } else if (host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add(what + " '" + printable(host) + "' contains white space");
        } else if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            problems.add(what + " '" + printable(host) + "' is not a host name or an IP address"
                    + " (no scheme, port, path or user belongs there)");
        }
    }

    static void tlsProblems(TlsSettings tls, List<String> problems) {
        if (tls.mode() == TlsMode.DISABLE && (tls.ca() != null || tls.certificate() != null || tls.key() != null)) {
            problems.add("TLS certificate files are set but TLS is disabled: choose a TLS mode or remove the files");
        }
        materialProblem("The TLS CA certificate", tls.ca(), problems);
        materialProblem("The TLS client certificate", tls.certificate(), problems);
        materialProblem("The TLS client key", tls.key(), problems);
        if (tls.key() != null && tls.certificate() == null) {
            problems.add("A TLS client key is set without its client certificate");
        }
    }

    /** Inline content is checked for its form only, and the message never quotes it. */
    private static void materialProblem(String what, TlsMaterial material, List<String> problems) {
        switch (material) {
            case null -> {
                // absent: the JVM's trust store, or no client certificate
            }
            case TlsMaterial.FromFile file -> fileProblem(what, file.file(), problems);
            case TlsMaterial.Inline inline -> {
                if (!inline.isWellFormed()) {
                    problems.add(what + " held in the vault is empty or neither PEM nor base64: import it again");
                }
            }
        }
    }

    static void sshProblems(SshSettings ssh, List<String> problems) {
        List<SshHop> hops = ssh.hops();
        for (int index = 0; index < hops.size(); index++) {
            SshHop hop = hops.get(index);
            String what = hops.size() == 1 ? "The SSH host" : "SSH hop " + (index + 1);
            hostProblems(what, hop.host(), problems);
            if (hop.port() < 0 || hop.port() > ConnectionSpecValidator.MAX_PORT) {
                problems.add(what + ": the port " + hop.port() + " is out of range: use 1 to 65535, or 0 for the default");
            }
            if (hop.user().chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                problems.add(what + ": the user '" + printable(hop.user()) + "' contains white space");
            }
            if (hop.user().isBlank() && !ssh.useSshConfig()) {
                problems.add(what + ": the user is empty (or let ~/.ssh/config provide it)");
            }
            authProblems(what, hop.auth(), ssh.useSshConfig(), problems);
        }
        Path knownHosts = ssh.knownHostsFile();
        if (knownHosts != null && (knownHosts.toAbsolutePath().getParent() == null
                || !Files.isDirectory(knownHosts.toAbsolutePath().getParent()))) {
            problems.add("The folder of the known_hosts file does not exist: " + knownHosts);
        }
    }

    private static void authProblems(String what, SshAuth auth, boolean useSshConfig, List<String> problems) {
        switch (auth) {
            case SshAuth.Password password -> {
                if (password.password().isEmpty()) {
                    problems.add(what + ": password authentication needs a password");
                }
            }
            case SshAuth.PrivateKey key -> fileProblem(what + ": the private key file", key.keyFile(), problems);
            case SshAuth.FromSshConfig fromConfig -> {
                if (!useSshConfig) {
                    problems.add(what + ": authentication from ~/.ssh/config needs the SSH config turned on");
                }
            }
            case SshAuth.Agent agent -> {
                // the agent socket is checked when the tunnel opens: it belongs to the user's session
            }
            case SshAuth.KeyboardInteractive interactive -> {
                // an empty answer is legitimate (the server may only ask to press enter)
            }
        }
    }

    private static void fileProblem(String what, Path file, List<String> problems) {
        if (file == null) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(what + " does not exist or is not a file: " + file);
        } else if (!Files.isReadable(file)) {
            problems.add(what + " cannot be read: " + file);
        }
    }

    /** The text with control characters shown as '?', so a message cannot forge log lines. */
    static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
