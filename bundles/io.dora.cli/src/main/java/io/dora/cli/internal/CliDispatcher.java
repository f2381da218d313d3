package io.dora.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;

/** Parses the top-level arguments of {@code dora cli} and runs the command they name. */
final class CliDispatcher {

    private final Map<String, CliCommand> commands;
    private final String version;
    private final PrintStream out;
    private final PrintStream err;

    CliDispatcher(Map<String, CliCommand> commands, String version, PrintStream out, PrintStream err) {
        this.commands = commands;
        this.version = version;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args, InputStream in, Path workspace) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            printHelp();
            return args.isEmpty() ? CliExit.USAGE : CliExit.OK;
        }
        String first = args.get(0);
        if (first.equals("--version")) {
            out.println("Dora Workbench " + version + " (Java " + Runtime.version() + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
            return CliExit.OK;
        }
        if (first.equals("help") && args.size() == 2) {
            CliCommand command = commands.get(args.get(1));
            if (command == null) {
                return unknown(args.get(1));
            }
            out.println(command.usage());
            return CliExit.OK;
        }
        CliCommand command = commands.get(first);
        if (command == null) {
            return unknown(first);
        }
        try {
            return command.run(new CommandContext(args.subList(1, args.size()), in, out, err, workspace));
        } catch (Exception e) {
            // a plugin's command must not end in a stack trace on the user's terminal
            err.println("dora: " + first + " failed: " + e.getMessage());
            return CliExit.FAILURE;
        }
    }

    private int unknown(String name) {
        err.println("dora: unknown command '" + name + "'; 'dora cli --help' lists the commands");
        return CliExit.USAGE;
    }

    private void printHelp() {
        out.println("Usage: dora cli [--version | --help | help COMMAND | COMMAND [ARGS...]]");
        out.println();
        out.println("Commands:");
        commands.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    }
}
