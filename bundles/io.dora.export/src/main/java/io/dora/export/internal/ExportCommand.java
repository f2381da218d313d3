package io.dora.export.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.QueryManager;
import io.dora.core.secret.SecretString;
import io.dora.export.ExportResult;
import io.dora.export.RunningExport;
import io.dora.vault.Vault;

/**
 * {@code dora cli export}: one reading statement on a saved connection, its result streamed into a file (or
 * standard output). The connection opens by id through the vault, which is unlocked for the connect only.
 */
@Component(service = CliCommand.class)
public final class ExportCommand implements CliCommand {

    /** The master password's variable, the same as {@code dora cli connections} reads. */
    static final String PASSWORD_VARIABLE = "DORA_VAULT_PASSWORD";

    private static final long CANCEL_WAIT_SECONDS = 10;
    private static final long PROGRESS_SECONDS = 1;

    private final ConnectionService connections;
    private final ExporterService exporter;
    private final Vault vault;
    private final Map<String, String> variables;

    /** The command's own exporter over the query manager: only it can stream to standard output. */
    @Activate
    public ExportCommand(@Reference ConnectionService connections, @Reference QueryManager queries,
            @Reference Vault vault) {
        this(connections, new ExporterService(queries), vault, System.getenv());
    }

    ExportCommand(ConnectionService connections, ExporterService exporter, Vault vault, Map<String, String> variables) {
        this.connections = connections;
        this.exporter = exporter;
        this.vault = vault;
        this.variables = Map.copyOf(variables);
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "Stream the result of a query on a saved connection to CSV, JSON or JSON Lines";
    }

    @Override
    public String usage() {
        return ExportArguments.USAGE;
    }

    @Override
    public int run(CommandContext context) throws IOException, InterruptedException {
        ExportArguments arguments;
        String text;
        try {
            arguments = ExportArguments.parse(context.args());
            text = statementText(arguments, context);
        } catch (IllegalArgumentException e) {
            context.err().println("dora: export: " + e.getMessage() + " (see dora cli help export)");
            return CliExit.USAGE;
        }
        try (DatabaseConnection connection = connect(arguments.connection(), context, arguments.readsStandardInput());
                Session session = connection.openSession()) {
            String statement = ExporterService.readingStatement(connection.driverInfo().dialect(), text);
            Destination destination = arguments.output() == null ? Destination.stream(context.out(), "standard output")
                    : TargetFile.create(Path.of(arguments.output()));
            RunningExport export = exporter.start(session, statement, destination, arguments.settings());
            ExportResult result = awaitCancellingOnExit(export, System.console() != null ? context.err() : null);
            String summary = String.format("%,d rows, %,d bytes written to %s in %.1f s", result.rows(), result.bytes(),
                    destination.describe(), result.elapsed().toMillis() / 1000.0);
            // with no --output the rows are on standard output, so the summary goes where the problems go
            (arguments.output() == null ? context.err() : context.out()).println(summary);
            if (result.truncated()) {
                // a pipeline must not take a partial export for the whole result
                context.err().println("dora: export: the safety policy's row limit (maxRows) of the connection's"
                        + " environment cut the result after " + result.rows() + " rows");
                return CliExit.NEGATIVE;
            }
            return CliExit.OK;
        } catch (DoraException e) {
            context.err().println("dora: export: [" + e.kind() + "] " + e.getMessage());
            return switch (e.kind()) {
                case POLICY -> CliExit.NEGATIVE;
                case INVALID_INPUT -> CliExit.USAGE;
                default -> CliExit.FAILURE;
            };
        }
    }

    /**
     * Waits for the export, showing the rows written so far on a terminal. A Ctrl+C (the JVM's shutdown) cancels
     * the query on the server and removes the partial file.
     *
     * @param progress where to show the progress, or null (not a terminal: a log or a pipe reads no \r)
     */
    private static ExportResult awaitCancellingOnExit(RunningExport export, PrintStream progress)
            throws InterruptedException {
        Thread onExit = new Thread(() -> {
            export.cancel();
            try {
                export.awaitDone(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dora-export-cancel");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            while (!export.awaitDone(PROGRESS_SECONDS, TimeUnit.SECONDS)) {
                if (progress != null) {
                    progress.printf("\r%,d rows, %,d bytes written\u2026", export.rows(), export.bytes());
                }
            }
            if (progress != null) {
                progress.print("\r" + " ".repeat(60) + "\r"); // the summary takes the line
            }
            return export.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already: the hook runs
            }
        }
    }

    /** Opens by id; a locked vault is unlocked with the master password for the connect, then locked again. */
    private DatabaseConnection connect(String id, CommandContext context, boolean stdinTaken) throws IOException {
        try {
            return connections.connectById(id);
        } catch (DoraException e) {
            if (e.kind() != ErrorKind.CREDENTIALS_LOCKED || !vault.isLocked()) {
                throw e;
            }
        }
        try (SecretString password = masterPassword(context, stdinTaken)) {
            vault.unlock(password);
        } catch (RuntimeException e) {
            throw new DoraException(ErrorKind.CREDENTIALS_LOCKED, "The vault stays locked: " + e.getMessage(), e);
        }
        try {
            return connections.connectById(id);
        } finally {
            vault.lock();
        }
    }

    private SecretString masterPassword(CommandContext context, boolean stdinTaken) throws IOException {
        String fromVariable = variables.get(PASSWORD_VARIABLE);
        if (fromVariable != null) {
            return SecretString.of(fromVariable);
        }
        if (stdinTaken) {
            throw new DoraException(ErrorKind.CREDENTIALS_LOCKED,
                    "The vault is locked and the statement comes from standard input: set " + PASSWORD_VARIABLE);
        }
        String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        return SecretString.of(line == null ? "" : line);
    }

    private static String statementText(ExportArguments arguments, CommandContext context) throws IOException {
        if (arguments.sql() != null) {
            return arguments.sql();
        }
        if (arguments.readsStandardInput()) {
            return new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Path.of(arguments.file());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
