package io.dora.vault.internal.connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.ConnectionService;
import io.dora.core.error.DoraException;
import io.dora.core.secret.SecretString;
import io.dora.vault.Vault;
import io.dora.vault.VaultException;

/** {@code dora cli connections init|list|add|remove}: the vault's saved connections, headless. */
@Component(service = CliCommand.class)
public final class ConnectionsCliCommand implements CliCommand {

    /** The environment variable a pipeline may use for the master password (else the first line of stdin). */
    static final String PASSWORD_VARIABLE = "DORA_VAULT_PASSWORD";
    /** The environment variable holding the database password of {@code connections add}. */
    static final String CONNECTION_PASSWORD_VARIABLE = "DORA_CONNECTION_PASSWORD";
    /** The environment variable holding the password of the TLS client key or PKCS#12 bundle of {@code connections add}. */
    static final String TLS_KEY_PASSWORD_VARIABLE = "DORA_TLS_KEY_PASSWORD";

    private static final String USAGE = """
            Usage: dora cli connections init
                     creates the vault (~/.dora/vault.dora, or -Ddora.vault.file) with the master password
                   dora cli connections list
                     prints one line per saved connection: id, environment, read-only, driver, address, folder
                   dora cli connections add --id ID --driver DRIVER --environment ENV [--read-only]
                       [--name NAME] [--folder FOLDER] [--host HOST] [--port PORT] [--database DATABASE]
                       [--user USER] [--option NAME=VALUE]...
                       [--tls MODE] [--tls-ca FILE] [--tls-cert FILE] [--tls-key FILE] [--import-tls]
                     validates and saves a connection; its password comes from DORA_CONNECTION_PASSWORD.
                     TLS files are referenced by path, or with --import-tls copied into the vault (encrypted,
                     as secrets); the key's password comes from DORA_TLS_KEY_PASSWORD
                   dora cli connections remove ID
            ENV is development, test, staging or production; MODE is disable, allow, prefer, require, verify-ca
            or verify-full. The master password comes from the variable
            DORA_VAULT_PASSWORD, else from the first line of standard input. Exit 1 when remove finds no such
            connection, 2 on usage errors and invalid settings, 3 when the vault cannot be opened.""";

    private final Vault vault;
    private final Function<ConnectionSpec, List<String>> validator;
    private final Map<String, String> variables;

    /** Connections are validated against the drivers installed now, as they will be when opened. */
    @Activate
    public ConnectionsCliCommand(@Reference Vault vault, @Reference ConnectionService connections) {
        this(vault, connections::validate, System.getenv());
    }

    ConnectionsCliCommand(Vault vault, Function<ConnectionSpec, List<String>> validator, Map<String, String> variables) {
        this.vault = vault;
        this.validator = validator;
        this.variables = Map.copyOf(variables);
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String summary() {
        return "Create the vault; list, add or remove the connections saved in it";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = context.args();
        String subcommand = args.isEmpty() ? "" : args.get(0);
        boolean known = switch (subcommand) {
            case "init", "list" -> args.size() == 1;
            case "remove" -> args.size() == 2;
            case "add" -> true;
            default -> false;
        };
        if (!known) {
            context.err().println("expected 'init', 'list', 'add ...' or 'remove ID' (see dora cli help connections)");
            return CliExit.USAGE;
        }
        ConnectionProfile toAdd = null;
        if (subcommand.equals("add")) {
            String password = variables.getOrDefault(CONNECTION_PASSWORD_VARIABLE, "");
            String keyPassword = variables.getOrDefault(TLS_KEY_PASSWORD_VARIABLE, "");
            try {
                toAdd = NewConnectionArguments.parse(args.subList(1, args.size()), SecretString.of(password),
                        SecretString.of(keyPassword));
            } catch (IllegalArgumentException e) {
                context.err().println(e.getMessage());
                return CliExit.USAGE;
            }
            List<String> problems = validator.apply(toAdd.spec());
            if (!problems.isEmpty()) {
                problems.forEach(problem -> context.err().println("invalid: " + problem));
                return CliExit.USAGE;
            }
        }
        if (subcommand.equals("init")) {
            return init(context);
        }
        boolean unlockedHere = vault.isLocked();
        try {
            if (unlockedHere) {
                try (SecretString password = masterPassword(context)) {
                    vault.unlock(password);
                }
            }
            VaultConnectionCatalog catalog = new VaultConnectionCatalog(vault);
            if (toAdd != null) {
                catalog.save(toAdd);
                return CliExit.OK;
            }
            if (subcommand.equals("remove")) {
                if (!catalog.remove(args.get(1))) {
                    context.err().println("no saved connection '" + args.get(1) + "'");
                    return CliExit.NEGATIVE;
                }
                return CliExit.OK;
            }
            for (ConnectionProfile profile : catalog.list()) {
                context.out().println(line(profile));
            }
            return CliExit.OK;
        } catch (VaultException | DoraException e) {
            context.err().println("vault: " + e.getMessage());
            return CliExit.FAILURE;
        } finally {
            if (unlockedHere) {
                vault.lock();
            }
        }
    }

    private int init(CommandContext context) throws IOException {
        try (SecretString password = masterPassword(context)) {
            if (password.isEmpty()) {
                context.err().println("the master password is empty");
                return CliExit.USAGE;
            }
            vault.create(password);
            vault.lock();
            context.out().println("created " + vault.file());
            return CliExit.OK;
        } catch (VaultException e) {
            context.err().println("vault: " + e.getMessage());
            return CliExit.FAILURE;
        }
    }

    private SecretString masterPassword(CommandContext context) throws IOException {
        String fromVariable = variables.get(PASSWORD_VARIABLE);
        if (fromVariable != null) {
            return SecretString.of(fromVariable);
        }
        String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        return SecretString.of(line == null ? "" : line);
    }

    private static String line(ConnectionProfile profile) {
        ConnectionSpec spec = profile.spec();
        String address = spec.host().isEmpty() ? spec.database()
                : spec.host() + (spec.port() == 0 ? "" : ":" + spec.port()) + "/" + spec.database();
        return String.join("\t", spec.id(), spec.environment().id(), spec.readOnly() ? "read-only" : "read-write",
                spec.driverId(), address, profile.folder());
    }
}
