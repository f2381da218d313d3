package io.dora.vault.internal.connections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.secret.SecretString;

/**
 * The options of {@code dora cli connections add}. The environment has no default: whoever saves a connection
 * says where it points. The password never comes from the command line (process lists show it).
 */
final class NewConnectionArguments {

    private NewConnectionArguments() {
    }

    /** @throws IllegalArgumentException naming the bad or missing option */
    static ConnectionProfile parse(List<String> args, SecretString password) {
        Map<String, String> options = new LinkedHashMap<>();
        String id = null;
        String driver = null;
        String folder = "";
        Environment environment = null;
        boolean readOnly = false;
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
                .options(options).password(password).build();
        if (built.name().isEmpty()) {
            built = built.toBuilder().name(id).build();
        }
        return new ConnectionProfile(folder, built);
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
