package io.dora.core.cli;

/**
 * A command of {@code dora cli}, contributed as an OSGi service by any bundle (Dora's own or an
 * organisation's plugin): {@code @Component(service = CliCommand.class)}. The headless application finds
 * every registered command, lists them in {@code --help} and dispatches to the one named first on the
 * command line.
 */
public interface CliCommand {

    /** The word that selects the command ({@code plugins}, {@code sql}); lower case, no spaces. */
    String name();

    /** One line for {@code dora cli --help}. */
    String summary();

    /** The full usage text shown by {@code dora cli help NAME} and on a usage error. */
    String usage();

    /**
     * Runs the command. Results go to {@code context.out()}, problems to {@code context.err()} as one clear
     * line each; logging goes to the log file, never to these streams.
     *
     * @return the process exit code, one of {@link CliExit}
     */
    int run(CommandContext context) throws Exception;
}
