package io.dora.vault.internal.connections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;

/**
 * The options of {@code dora cli connections add}. The environment has no default: whoever saves a connection
 * says where it points. Passwords (the database's, the TLS key's) never come from the command line (process
 * lists show it).
 */
final class NewConnectionArguments {

    private NewConnectionArguments() {
    }

    /**
     * @param password    the database password
     * @param keyPassword the password of the TLS client key or PKCS#12 bundle
     * @throws IllegalArgumentException naming the bad or missing option, or a TLS file that cannot be read
     */
    static ConnectionProfile parse(List<String> args, SecretString password, SecretString keyPassword) {
        Map<String, String> options = new LinkedHashMap<>();
        String id = null;
        String driver = null;
        String folder = "";
        Environment environment = null;
        boolean readOnly = false;
        TlsMode tlsMode = TlsMode.DISABLE;
        Path ca = null;
        Path certificate = null;
        Path key = null;
        boolean importTls = false;
        ConnectionSpec.Builder spec = ConnectionSpec.builder("", "");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--id" -> id = value(args, ++i, arg);
                case "--driver" -> driver = value(args, ++i, arg);
                case "--name" -> spec.name(value(args, ++i, arg));
                case "--folder" -> folder = value(args, ++i, arg);
                case "--host" -> spec.host(value(args, ++i, arg));
                case "--port" -> spec.port(port(value(args, ++i, arg)));
                case "--database" -> spec.database(value(args, ++i, arg));
                case "--user" -> spec.user(value(args, ++i, arg));
                case "--environment" -> environment = Environment.parse(value(args, ++i, arg));
                case "--read-only" -> readOnly = true;
                case "--tls" -> tlsMode = tlsMode(value(args, ++i, arg));
                case "--tls-ca" -> ca = Path.of(value(args, ++i, arg));
                case "--tls-cert" -> certificate = Path.of(value(args, ++i, arg));
                case "--tls-key" -> key = Path.of(value(args, ++i, arg));
                case "--import-tls" -> importTls = true;
                case "--option" -> {
                    String option = value(args, ++i, arg);
                    int equals = option.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--option needs NAME=VALUE, not '" + option + "'");
                    }
                    options.put(option.substring(0, equals), option.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        if (id == null || driver == null || environment == null) {
            throw new IllegalArgumentException("connections add needs --id, --driver and --environment");
        }
        ConnectionSpec built = spec.id(id).driverId(driver).environment(environment).readOnly(readOnly)
                .options(options).password(password)
                .tls(TlsSettings.of(tlsMode, material(ca, "--tls-ca", importTls),
                        material(certificate, "--tls-cert", importTls), material(key, "--tls-key", importTls), keyPassword))
                .build();
        if (built.name().isEmpty()) {
            built = built.toBuilder().name(id).build();
        }
        return new ConnectionProfile(folder, built);
    }

    /**
     * With {@code --import-tls} the file's content goes into the vault (PEM as text, PKCS#12 and DER as base64) and
     * the file is no longer needed; without it the vault keeps the absolute path and the file stays the user's.
     */
    private static TlsMaterial material(Path file, String option, boolean importIt) {
        if (file == null) {
            return null;
        }
        if (!importIt) {
            return TlsMaterial.file(file.toAbsolutePath());
        }
        try {
            byte[] content = Files.readAllBytes(file);
            try {
                return TlsMaterial.Inline.of(content);
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static TlsMode tlsMode(String text) {
        try {
            return TlsMode.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls needs disable, allow, prefer, require, verify-ca or verify-full, not '"
                    + text + "'");
        }
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, not '" + text + "'");
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
