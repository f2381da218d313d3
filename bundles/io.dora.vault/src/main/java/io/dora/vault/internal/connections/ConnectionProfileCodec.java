package io.dora.vault.internal.connections;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.connection.PoolSettings;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;
import io.dora.vault.VaultEntry;

/**
 * A connection profile as a vault entry of kind {@value #KIND}: plain attributes for the settings, vault
 * secrets for the password, the TLS key password, imported TLS certificates and keys, and the SSH passwords,
 * passphrases and answers. Reading is
 * strict: a missing environment or read-only flag, or a value that does not parse, refuses the profile
 * instead of falling back to a default (the attribute names are listed in docs/vault.md).
 */
final class ConnectionProfileCodec {

    static final String KIND = "connection";

    private static final String OPTION_PREFIX = "option.";
    private static final String TLS_CA = "tls.caCertificate";
    private static final String TLS_CERTIFICATE = "tls.clientCertificate";
    private static final String TLS_KEY = "tls.clientKey";
    /** The suffix of the secret that holds imported material (PEM text, or base64 of binary content). */
    private static final String CONTENT = ".content";

    private ConnectionProfileCodec() {
    }

    static VaultEntry write(ConnectionProfile profile) {
        ConnectionSpec spec = profile.spec();
        VaultEntry.Builder entry = VaultEntry.builder(KIND, spec.id())
                .attribute("name", spec.name())
                .attribute("folder", profile.folder())
                .attribute("driver", spec.driverId())
                .attribute("host", spec.host())
                .attribute("port", Integer.toString(spec.port()))
                .attribute("database", spec.database())
                .attribute("user", spec.user())
                .attribute("environment", spec.environment().id())
                .attribute("readOnly", Boolean.toString(spec.readOnly()));
        spec.options().forEach((key, value) -> entry.attribute(OPTION_PREFIX + key, value));
        secret(entry, "password", spec.password());
        TlsSettings tls = spec.tls();
        entry.attribute("tls.mode", tls.mode().name().toLowerCase(Locale.ROOT));
        material(entry, TLS_CA, tls.ca());
        material(entry, TLS_CERTIFICATE, tls.certificate());
        material(entry, TLS_KEY, tls.key());
        secret(entry, "tls.keyPassword", tls.keyPassword());
        PoolSettings pool = spec.pool();
        entry.attribute("pool.maxSize", Integer.toString(pool.maxSize()))
                .attribute("pool.minIdle", Integer.toString(pool.minIdle()))
                .attribute("pool.idleTimeout", pool.idleTimeout().toString())
                .attribute("pool.maxLifetime", pool.maxLifetime().toString())
                .attribute("pool.connectionTimeout", pool.connectionTimeout().toString())
                .attribute("pool.validationTimeout", pool.validationTimeout().toString());
        if (spec.ssh() != null) {
            writeSsh(entry, spec.ssh());
        }
        return entry.build();
    }

    private static void writeSsh(VaultEntry.Builder entry, SshSettings ssh) {
        entry.attribute("ssh.hops", Integer.toString(ssh.hops().size()))
                .attribute("ssh.hostKeyPolicy", ssh.hostKeyPolicy().name().toLowerCase(Locale.ROOT))
                .attribute("ssh.useSshConfig", Boolean.toString(ssh.useSshConfig()))
                .attribute("ssh.keepAlive", ssh.keepAlive().toString());
        path(entry, "ssh.knownHostsFile", ssh.knownHostsFile());
        for (int index = 0; index < ssh.hops().size(); index++) {
            SshHop hop = ssh.hops().get(index);
            String prefix = "ssh." + index + ".";
            entry.attribute(prefix + "host", hop.host()).attribute(prefix + "port", Integer.toString(hop.port()))
                    .attribute(prefix + "user", hop.user());
            switch (hop.auth()) {
                case SshAuth.Password password -> {
                    entry.attribute(prefix + "auth", "password");
                    secret(entry, prefix + "password", password.password());
                }
                case SshAuth.PrivateKey key -> {
                    entry.attribute(prefix + "auth", "private-key").attribute(prefix + "keyFile", key.keyFile().toString());
                    secret(entry, prefix + "passphrase", key.passphrase());
                }
                case SshAuth.KeyboardInteractive interactive -> {
                    entry.attribute(prefix + "auth", "keyboard-interactive");
                    secret(entry, prefix + "response", interactive.response());
                }
                case SshAuth.Agent agent -> entry.attribute(prefix + "auth", "agent");
                case SshAuth.FromSshConfig fromConfig -> entry.attribute(prefix + "auth", "ssh-config");
            }
        }
    }

    /**
     * @param withSecrets false for listings: the secrets stay in the vault
     * @throws InvalidInputException naming every attribute that is missing or does not parse
     */
    static ConnectionProfile read(VaultEntry entry, boolean withSecrets) {
        Reader in = new Reader(entry, withSecrets);
        Map<String, String> options = new LinkedHashMap<>();
        entry.attributes().forEach((key, value) -> {
            if (key.startsWith(OPTION_PREFIX)) {
                options.put(key.substring(OPTION_PREFIX.length()), value);
            }
        });
        PoolSettings defaults = PoolSettings.defaults();
        Boolean readOnly = in.parsed("readOnly", null, ConnectionProfileCodec::strictBoolean);
        ConnectionSpec spec;
        try {
            spec = build(entry, in, options, defaults, readOnly);
        } catch (IllegalArgumentException e) {
            in.problem("settings", e.getMessage());
            spec = null;
        }
        in.throwIfProblems();
        return new ConnectionProfile(in.optional("folder", ""), spec);
    }

    private static ConnectionSpec build(VaultEntry entry, Reader in, Map<String, String> options, PoolSettings defaults,
            Boolean readOnly) {
        return ConnectionSpec.builder(entry.id(), in.required("driver"))
                .name(in.optional("name", entry.id()))
                .host(in.optional("host", ""))
                .port(in.number("port", 0))
                .database(in.optional("database", ""))
                .user(in.optional("user", ""))
                .password(in.secret("password"))
                .options(options)
                .environment(in.parsed("environment", null, Environment::parse))
                .readOnly(Boolean.TRUE.equals(readOnly))
                .tls(TlsSettings.of(in.parsed("tls.mode", TlsMode.DISABLE, text -> TlsMode.valueOf(constant(text))),
                        in.material(TLS_CA), in.material(TLS_CERTIFICATE), in.material(TLS_KEY),
                        in.secret("tls.keyPassword")))
                .pool(new PoolSettings(in.number("pool.maxSize", defaults.maxSize()),
                        in.number("pool.minIdle", defaults.minIdle()),
                        in.duration("pool.idleTimeout", defaults.idleTimeout()),
                        in.duration("pool.maxLifetime", defaults.maxLifetime()),
                        in.duration("pool.connectionTimeout", defaults.connectionTimeout()),
                        in.duration("pool.validationTimeout", defaults.validationTimeout())))
                .ssh(entry.attributes().containsKey("ssh.hops") ? readSsh(in) : null)
                .build();
    }

    private static SshSettings readSsh(Reader in) {
        int count = in.number("ssh.hops", 0);
        List<SshHop> hops = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String prefix = "ssh." + index + ".";
            String auth = in.required(prefix + "auth");
            SshAuth parsed = switch (auth == null ? "" : auth) {
                case "password" -> new SshAuth.Password(in.secret(prefix + "password"));
                case "private-key" -> new SshAuth.PrivateKey(Path.of(in.optional(prefix + "keyFile", "")),
                        in.secret(prefix + "passphrase"));
                case "keyboard-interactive" -> new SshAuth.KeyboardInteractive(in.secret(prefix + "response"));
                case "agent" -> new SshAuth.Agent();
                case "ssh-config" -> new SshAuth.FromSshConfig();
                default -> {
                    in.problem(prefix + "auth", "'" + auth + "' is not one of password, private-key,"
                            + " keyboard-interactive, agent, ssh-config");
                    yield new SshAuth.Agent();
                }
            };
            hops.add(new SshHop(in.optional(prefix + "host", ""), in.number(prefix + "port", 0),
                    in.optional(prefix + "user", ""), parsed));
        }
        if (hops.isEmpty()) {
            in.problem("ssh.hops", "an SSH route needs at least one host");
            return null;
        }
        return new SshSettings(hops, in.parsed("ssh.hostKeyPolicy", HostKeyPolicy.ASK, text -> HostKeyPolicy.valueOf(constant(text))),
                in.path("ssh.knownHostsFile"), in.parsed("ssh.useSshConfig", false, ConnectionProfileCodec::strictBoolean),
                in.duration("ssh.keepAlive", Duration.ZERO));
    }

    private static String constant(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Boolean strictBoolean(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static void secret(VaultEntry.Builder entry, String name, SecretString value) {
        if (!value.isEmpty()) {
            entry.secret(name, value);
        }
    }

    /** A file as its path attribute; inline content as the secret {@code <name>.content}, never an attribute. */
    private static void material(VaultEntry.Builder entry, String name, TlsMaterial material) {
        switch (material) {
            case null -> {
                // absent
            }
            case TlsMaterial.FromFile file -> entry.attribute(name, file.file().toString());
            case TlsMaterial.Inline inline -> entry.secret(name + CONTENT, inline.content());
        }
    }

    private static void path(VaultEntry.Builder entry, String name, Path value) {
        if (value != null) {
            entry.attribute(name, value.toString());
        }
    }

    /** Reads attributes and collects every problem, so one error names them all. */
    private static final class Reader {
        private final VaultEntry entry;
        private final boolean withSecrets;
        private final List<String> problems = new ArrayList<>();

        Reader(VaultEntry entry, boolean withSecrets) {
            this.entry = entry;
            this.withSecrets = withSecrets;
        }

        String required(String name) {
            String value = entry.attributes().get(name);
            if (value == null || value.isBlank()) {
                problem(name, "missing");
                return null;
            }
            return value;
        }

        String optional(String name, String fallback) {
            return entry.attributes().getOrDefault(name, fallback);
        }

        <T> T parsed(String name, T fallback, Function<String, T> parser) {
            String value = fallback == null ? required(name) : entry.attributes().get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                problem(name, "'" + value + "' cannot be used: " + e.getMessage());
                return fallback;
            }
        }

        int number(String name, int fallback) {
            return parsed(name, fallback, Integer::valueOf);
        }

        Duration duration(String name, Duration fallback) {
            return parsed(name, fallback, text -> {
                try {
                    return Duration.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("expected an ISO-8601 duration such as PT30S");
                }
            });
        }

        Path path(String name) {
            String value = entry.attributes().get(name);
            return value == null || value.isBlank() ? null : Path.of(value);
        }

        /**
         * The file of attribute {@code name} or the inline content of secret {@code name.content}; both at once is a
         * damaged profile. Listings get inline material without its content: they show it exists, not what it is.
         */
        TlsMaterial material(String name) {
            Path file = path(name);
            boolean inline = entry.secret(name + CONTENT).isPresent();
            if (file != null && inline) {
                problem(name, "both a file and content held in the vault; keep one");
                return null;
            }
            if (!inline) {
                return TlsMaterial.file(file);
            }
            TlsMaterial.Inline material = new TlsMaterial.Inline(secret(name + CONTENT));
            if (withSecrets && !material.isWellFormed()) {
                problem(name + CONTENT, "neither PEM nor base64");
            }
            return material;
        }

        /** A copy: the profile owns its secrets, and the entry's are destroyed once read. */
        SecretString secret(String name) {
            if (!withSecrets || entry.secret(name).isEmpty()) {
                return SecretString.empty();
            }
            char[] value = entry.secret(name).get().reveal();
            try {
                return SecretString.of(value);
            } finally {
                Arrays.fill(value, '\0');
            }
        }

        void problem(String name, String what) {
            problems.add(name + ": " + what);
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream()
                        .map(problem -> "The saved connection '" + entry.id() + "' cannot be used: " + problem).toList());
            }
        }
    }
}
