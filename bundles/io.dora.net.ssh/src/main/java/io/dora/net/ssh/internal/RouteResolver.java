package io.dora.net.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;

import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelException;

/**
 * Turns the hops of {@link SshSettings} into concrete hosts: with {@code useSshConfig}, a hop's host may be a
 * {@code Host} alias of {@code ~/.ssh/config}, whose HostName, User, Port, IdentityFile and ProxyJump fill in
 * what the hop leaves open (values set on the hop win). ProxyJump hosts are inserted before their hop.
 */
final class RouteResolver {

    private static final int DEFAULT_PORT = 22;
    /** ProxyJump chains that point back at themselves must end somewhere. */
    private static final int MAX_JUMP_DEPTH = 16;

    private final SshEnvironment environment;

    RouteResolver(SshEnvironment environment) {
        this.environment = environment;
    }

    List<ResolvedHop> resolve(SshSettings settings) {
        ConfigRepository config = settings.useSshConfig() ? readConfig() : ConfigRepository.nullConfig;
        List<ResolvedHop> hops = new ArrayList<>();
        for (SshHop hop : settings.hops()) {
            expand(config, hop, hops, 0);
        }
        List<ResolvedHop> numbered = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            numbered.add(hops.get(i).at(i + 1));
        }
        return numbered;
    }

    private void expand(ConfigRepository config, SshHop hop, List<ResolvedHop> into, int depth) {
        if (depth > MAX_JUMP_DEPTH) {
            throw new SshTunnelException(SshTunnelException.Failure.SETTINGS, 0,
                    "The ProxyJump chain of '" + hop.host() + "' in the ssh config is longer than " + MAX_JUMP_DEPTH
                            + " hosts (a loop?)");
        }
        ConfigRepository.Config entry = config.getConfig(hop.host());
        String proxyJump = entry.getValue("ProxyJump");
        if (proxyJump != null && !proxyJump.isBlank() && !"none".equalsIgnoreCase(proxyJump.strip())) {
            for (String jump : proxyJump.split(",")) {
                expand(config, parseJump(jump.strip()), into, depth + 1);
            }
        }
        String hostName = entry.getHostname() == null || entry.getHostname().isBlank() ? hop.host()
                : entry.getHostname();
        int port = hop.port() > 0 ? hop.port() : entry.getPort() > 0 ? entry.getPort() : DEFAULT_PORT;
        String user = !hop.user().isBlank() ? hop.user()
                : entry.getUser() != null && !entry.getUser().isBlank() ? entry.getUser()
                        : System.getProperty("user.name");
        List<Path> identities = new ArrayList<>();
        String[] files = entry.getValues("IdentityFile");
        if (files != null) {
            for (String file : files) {
                identities.add(expandHome(file));
            }
        }
        into.add(new ResolvedHop(0, hostName, port, user, hop.auth(), identities));
    }

    /** {@code [user@]host[:port]} of a ProxyJump list; such hosts log in as the config says. */
    private static SshHop parseJump(String jump) {
        String user = "";
        String hostPort = jump;
        int at = jump.lastIndexOf('@');
        if (at >= 0) {
            user = jump.substring(0, at);
            hostPort = jump.substring(at + 1);
        }
        String host = hostPort;
        String port = "";
        if (hostPort.startsWith("[") && hostPort.contains("]")) {
            host = hostPort.substring(1, hostPort.indexOf(']'));
            port = hostPort.substring(hostPort.indexOf(']') + 1).replaceFirst("^:", "");
        } else if (hostPort.indexOf(':') >= 0 && hostPort.indexOf(':') == hostPort.lastIndexOf(':')) {
            host = hostPort.substring(0, hostPort.indexOf(':'));
            port = hostPort.substring(hostPort.indexOf(':') + 1);
        }
        try {
            return new SshHop(host, port.isEmpty() ? 0 : Integer.parseInt(port), user, new SshAuth.FromSshConfig());
        } catch (NumberFormatException e) {
            throw new SshTunnelException(SshTunnelException.Failure.SETTINGS, 0,
                    "The ProxyJump host '" + jump + "' in the ssh config has a bad port");
        }
    }

    private Path expandHome(String file) {
        if (file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(file.substring(2));
        }
        Path path = Path.of(file);
        return path.isAbsolute() ? path : environment.sshDirectory().resolve(file);
    }

    private ConfigRepository readConfig() {
        Path file = environment.configFile();
        if (!Files.isRegularFile(file)) {
            return ConfigRepository.nullConfig;
        }
        try {
            return OpenSSHConfig.parseFile(file.toString());
        } catch (IOException | RuntimeException e) {
            throw new SshTunnelException(SshTunnelException.Failure.SETTINGS, 0,
                    "The ssh config " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
