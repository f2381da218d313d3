package io.dora.ui.connections;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;

/**
 * What the connection dialog edits, as the text the user typed: free of SWT so that the mapping to and from
 * {@link ConnectionProfile} is tested on its own. Driver pages ({@link ConnectionPage}) read and write the
 * fields they show; {@link #toProfile()} turns the whole form into the typed core settings or names every
 * field that cannot be read.
 */
public final class ConnectionForm {

    /** How every SSH hop of the route authenticates. */
    public enum SshAuthKind {
        PASSWORD, KEY_FILE, AGENT
    }

    private static final Pattern HOP = Pattern.compile("(?:([^@\\s]+)@)?([^\\s:@\\[\\]]+|\\[[0-9A-Fa-f:.%]+\\])(?::(\\d{1,5}))?");
    private static final int SSH_PORT = 22;

    public String id = "";
    public String driverId = "";
    public String name = "";
    public String folder = "";
    public String host = "";
    public String port = "";
    public String database = "";
    public String user = "";
    public char[] password = new char[0];
    public Environment environment = Environment.DEVELOPMENT;
    public boolean readOnly;
    /** Driver options, one {@code name=value} a line. */
    public String options = "";

    public boolean sshEnabled;
    /** The route, one {@code user@host[:port]} a line, the last one the SSH server next to the database. */
    public String sshHops = "";
    public SshAuthKind sshAuth = SshAuthKind.AGENT;
    public char[] sshPassword = new char[0];
    public String sshKeyFile = "";
    public char[] sshPassphrase = new char[0];
    public HostKeyPolicy hostKeyPolicy = HostKeyPolicy.ASK;

    public TlsMode tlsMode = TlsMode.DISABLE;
    public String tlsCaCertificate = "";
    public String tlsClientCertificate = "";
    public String tlsClientKey = "";
    public char[] tlsKeyPassword = new char[0];
    /** Material imported into the vault: kept as it is while its path field stays empty (it has no path). */
    private TlsMaterial heldCa;
    private TlsMaterial heldClientCertificate;
    private TlsMaterial heldClientKey;

    /** A blank form for a new connection. */
    public static ConnectionForm blank(String driverId, Environment environment) {
        ConnectionForm form = new ConnectionForm();
        form.driverId = driverId;
        form.environment = environment;
        return form;
    }

    /** The form showing a saved profile (secrets included, as the user may keep them unchanged). */
    public static ConnectionForm of(ConnectionProfile profile) {
        ConnectionSpec spec = profile.spec();
        ConnectionForm form = new ConnectionForm();
        form.id = spec.id();
        form.driverId = spec.driverId();
        form.name = spec.name();
        form.folder = profile.folder();
        form.host = spec.host();
        form.port = spec.port() == 0 ? "" : Integer.toString(spec.port());
        form.database = spec.database();
        form.user = spec.user();
        form.password = spec.password().reveal();
        form.environment = spec.environment();
        form.readOnly = spec.readOnly();
        StringBuilder options = new StringBuilder();
        spec.options().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(option -> options.append(option.getKey()).append('=').append(option.getValue()).append('\n'));
        form.options = options.toString().strip();
        spec.sshRoute().ifPresent(form::readSsh);
        TlsSettings tls = spec.tls();
        form.tlsMode = tls.mode();
        form.tlsCaCertificate = text(tls.ca());
        form.tlsClientCertificate = text(tls.certificate());
        form.tlsClientKey = text(tls.key());
        form.heldCa = held(tls.ca());
        form.heldClientCertificate = held(tls.certificate());
        form.heldClientKey = held(tls.key());
        form.tlsKeyPassword = tls.keyPassword().reveal();
        return form;
    }

    private void readSsh(SshSettings ssh) {
        sshEnabled = true;
        hostKeyPolicy = ssh.hostKeyPolicy();
        StringBuilder hops = new StringBuilder();
        for (SshHop hop : ssh.hops()) {
            String host = hop.host().contains(":") ? "[" + hop.host() + "]" : hop.host();
            hops.append(hop.user()).append('@').append(host);
            if (hop.port() != 0 && hop.port() != SSH_PORT) {
                hops.append(':').append(hop.port());
            }
            hops.append('\n');
        }
        sshHops = hops.toString().strip();
        // the dialog edits one authentication for the whole route: the target's
        switch (ssh.target().auth()) {
            case SshAuth.Password password -> {
                sshAuth = SshAuthKind.PASSWORD;
                sshPassword = password.password().reveal();
            }
            case SshAuth.PrivateKey key -> {
                sshAuth = SshAuthKind.KEY_FILE;
                sshKeyFile = key.keyFile().toString();
                sshPassphrase = key.passphrase().reveal();
            }
            default -> sshAuth = SshAuthKind.AGENT;
        }
    }

    /**
     * The profile the form describes.
     *
     * @throws InvalidInputException naming every field that cannot be read (a port that is not a number, a
     *                               malformed SSH hop or option line); the semantic checks are the core
     *                               validator's ({@code ConnectionService.validate})
     */
    public ConnectionProfile toProfile() {
        List<String> problems = new ArrayList<>();
        ConnectionSpec.Builder spec = ConnectionSpec.builder(id.strip(), driverId)
                .name(name.strip())
                .host(host.strip())
                .port(number("The port", port, problems))
                .database(database.strip())
                .user(user.strip())
                .password(SecretString.of(password))
                .environment(environment)
                .readOnly(readOnly)
                .options(options(problems))
                .tls(tls());
        if (sshEnabled) {
            spec.ssh(ssh(problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ConnectionProfile(normalizedFolder(), spec.build());
    }

    private String normalizedFolder() {
        return String.join("/", List.of(folder.strip().split("\\s*/\\s*")).stream().filter(s -> !s.isEmpty()).toList());
    }

    private Map<String, String> options(List<String> problems) {
        Map<String, String> parsed = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : options.split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add("Driver option line " + lineNumber + " is not name=value");
            } else {
                parsed.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return parsed;
    }

    private SshSettings ssh(List<String> problems) {
        List<SshHop> hops = new ArrayList<>();
        int lineNumber = 0;
        for (String line : sshHops.split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Matcher hop = HOP.matcher(line.strip());
            if (!hop.matches()) {
                problems.add("SSH hop " + lineNumber + " '" + line.strip() + "' is not user@host[:port]");
                continue;
            }
            String hopHost = hop.group(2).startsWith("[") ? hop.group(2).substring(1, hop.group(2).length() - 1) : hop.group(2);
            int hopPort = hop.group(3) == null ? SSH_PORT : Integer.parseInt(hop.group(3));
            String hopUser = hop.group(1) == null ? "" : hop.group(1);
            if (hopUser.isEmpty()) {
                problems.add("SSH hop " + lineNumber + " '" + line.strip() + "' names no user (user@host)");
            }
            hops.add(new SshHop(hopHost, hopPort, hopUser, sshAuth()));
        }
        if (hops.isEmpty()) {
            problems.add("SSH is on but the route names no host: add user@host on the SSH tab");
            return null;
        }
        if (sshAuth == SshAuthKind.KEY_FILE && sshKeyFile.isBlank()) {
            problems.add("SSH key authentication needs a private key file");
        }
        return new SshSettings(hops, hostKeyPolicy, null, false, Duration.ofSeconds(30));
    }

    private SshAuth sshAuth() {
        return switch (sshAuth) {
            case PASSWORD -> new SshAuth.Password(SecretString.of(sshPassword));
            case KEY_FILE -> new SshAuth.PrivateKey(Path.of(sshKeyFile.strip()), SecretString.of(sshPassphrase));
            case AGENT -> new SshAuth.Agent();
        };
    }

    private TlsSettings tls() {
        return TlsSettings.of(tlsMode, material(tlsCaCertificate, heldCa),
                material(tlsClientCertificate, heldClientCertificate), material(tlsClientKey, heldClientKey),
                SecretString.of(tlsKeyPassword));
    }

    /** A fresh id for a new connection: the name's letters and digits, made unique among the taken ids. */
    public static String newId(String name, Set<String> taken) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String base = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "connection";
        }
        String id = base;
        for (int suffix = 2; taken.contains(id); suffix++) {
            id = base + "-" + suffix;
        }
        return id;
    }

    private static int number(String what, String text, List<String> problems) {
        if (text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problems.add(what + " '" + text.strip() + "' is not a number");
            return 0;
        }
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text.strip());
    }

    private static String text(Path path) {
        return path == null ? "" : path.toString();
    }

    /** A file's path; empty for material held in the vault (the field shows no content, ever). */
    private static String text(TlsMaterial material) {
        return material instanceof TlsMaterial.FromFile file ? file.file().toString() : "";
    }

    private static TlsMaterial held(TlsMaterial material) {
        return material instanceof TlsMaterial.Inline ? material : null;
    }

    /** A typed path wins; an empty field keeps what the vault holds. */
    private static TlsMaterial material(String text, TlsMaterial held) {
        Path path = path(text);
        return path != null ? new TlsMaterial.FromFile(path) : held;
    }

    /** Whether the TLS item's material is held in the vault (the dialog says so next to the empty path). */
    public boolean holdsInVault(String item) {
        return switch (item) {
            case "ca" -> heldCa != null;
            case "certificate" -> heldClientCertificate != null;
            case "key" -> heldClientKey != null;
            default -> false;
        };
    }
}
