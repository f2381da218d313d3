package io.dora.logging.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.logging.metrics.MetricsService;

/**
 * {@code dora cli metrics}: the metrics of this process as one JSON object. Metrics count from the start of the
 * process, so a pipeline gets useful numbers by running its command inside this one
 * ({@code dora cli metrics export ...}): the command runs, then its queries' metrics are printed.
 */
@Component(service = CliCommand.class)
public final class MetricsCommand implements CliCommand {

    private static final String NAME = "metrics";

    private final MetricsService metrics;
    private final CommandFinder commands;

    @Activate
    public MetricsCommand(@Reference MetricsService metrics, BundleContext context) {
        this(metrics, name -> find(context, name));
    }

    MetricsCommand(MetricsService metrics, CommandFinder commands) {
        this.metrics = metrics;
        this.commands = commands;
    }

    /** Finds another command by name, as the dispatcher does. */
    interface CommandFinder {
        Optional<CliCommand> find(String name);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "print the query and pool metrics as JSON, after running a command in the same process";
    }

    @Override
    public String usage() {
        return """
                Usage: dora cli metrics [--output FILE] [COMMAND [ARGS...]]
                Runs COMMAND (any dora cli command, e.g. export) in this process, then prints the metrics of its
                queries (per connection and driver: count, errors, cancellations, timeouts, durations and their
                histogram; pools) as one JSON object, on standard output or into FILE. Without a command, prints
                the metrics of this process. The exit code is the command's. See docs/logging.md.""";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> args = new ArrayList<>(context.args());
        Path output = null;
        if (!args.isEmpty() && args.get(0).equals("--output")) {
            if (args.size() < 2) {
                context.err().println("dora: metrics: --output needs a FILE");
                return CliExit.USAGE;
            }
            output = Path.of(args.get(1));
            args = args.subList(2, args.size());
        }
        int exit = CliExit.OK;
        if (!args.isEmpty()) {
            String name = args.get(0);
            Optional<CliCommand> command = name.equals(NAME) ? Optional.empty() : commands.find(name);
            if (command.isEmpty()) {
                context.err().println("dora: metrics: unknown command '" + name + "'; 'dora cli --help' lists them");
                return CliExit.USAGE;
            }
            exit = command.get().run(new CommandContext(args.subList(1, args.size()), context.in(), context.out(),
                    context.err(), context.workspace()));
        }
        write(metrics.snapshotJson(), output, context.out());
        return exit;
    }

    private static void write(String json, Path output, PrintStream out) throws IOException {
        if (output == null) {
            out.println(json);
        } else {
            Files.writeString(output, json + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<CliCommand> find(BundleContext context, String name) {
        try {
            for (ServiceReference<CliCommand> reference : context.getServiceReferences(CliCommand.class, null)) {
                CliCommand command = context.getService(reference);
                if (command != null && command.name().equals(name)) {
                    return Optional.of(command);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
        return Optional.empty();
    }
}
