package io.dora.vault.internal.connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.error.DoraException;
import io.dora.core.secret.SecretString;
import io.dora.vault.Vault;
import io.dora.vault.VaultException;

/** {@code dora cli connections list|remove}: the saved connections of the vault, headless. */
@Component(service = CliCommand.class)
public final class ConnectionsCliCommand implements CliCommand {

    /** The environment variable a pipeline may use for the master password (else the first line of stdin). */
    static final String PASSWORD_VARIABLE = "DORA_VAULT_PASSWORD";

    private static final String USAGE = """
            Usage: dora cli connections list
                     prints one line per saved connection: id, environment, read-only, driver, address, folder
                   dora cli connections remove ID
            The master password comes from the variable DORA_VAULT_PASSWORD, else from the first line of
            standard input. Exit 1 when remove finds no such connection, 3 when the vault cannot be opened.""";

    private final Vault vault;
    private final Map<String, String> variables;

    @Activate
    public ConnectionsCliCommand(@Reference Vault vault) {
        this(vault, System.getenv());
    }

    ConnectionsCliCommand(Vault vault, Map<String, String> variables) {
        this.vault = vault;
        this.variables = Map.copyOf(variables);
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String summary() {
        return "List or remove the connections saved in the vault";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = context.args();
        boolean list = args.equals(List.of("list"));
        boolean remove = args.size() == 2 && args.get(0).equals("remove");
        if (!list && !remove) {
            context.err().println("expected 'list' or 'remove ID' (see dora cli help connections)");
            return CliExit.USAGE;
        }
        boolean unlockedHere = vault.isLocked();
        try {
            if (unlockedHere) {
                try (SecretString password = masterPassword(context)) {
                    vault.unlock(password);
                }
            }
            VaultConnectionCatalog catalog = new VaultConnectionCatalog(vault);
            if (remove) {
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
