package io.dora.core.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link CliCommand} runs with.
 *
 * @param args      the arguments after the command's name
 * @param in        standard input (for commands that read {@code -})
 * @param out       standard output: the command's results
 * @param err       standard error: one-line problems for the user
 * @param workspace the workspace folder ({@code -data}), where per-workspace files live
 */
public record CommandContext(List<String> args, InputStream in, PrintStream out, PrintStream err, Path workspace) {

    public CommandContext {
        args = List.copyOf(args);
    }
}
