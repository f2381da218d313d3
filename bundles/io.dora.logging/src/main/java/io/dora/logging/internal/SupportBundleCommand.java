package io.dora.logging.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.logging.support.SupportBundleWriter;

/** {@code dora cli support-bundle [--output FILE]}: the support zip of the workspace. */
@Component(service = CliCommand.class)
public final class SupportBundleCommand implements CliCommand {

    private final SupportBundleWriter writer;

    @Activate
    public SupportBundleCommand(@Reference SupportBundleWriter writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return "support-bundle";
    }

    @Override
    public String summary() {
        return "write one zip with the logs, configuration (secrets masked), plugins and system facts";
    }

    @Override
    public String usage() {
        return """
                Usage: dora cli [-data WORKSPACE] support-bundle [--output FILE]
                Writes a zip for a support request: the workspace's logs, logback.xml, logging.properties and the
                SQL policy files (secrets masked), the installed plugins and versions, Java and OS facts, metrics.
                Without --output the file is dora-support-<workspace>-<time>.zip in the current folder.
                Prints the path of the zip written.""";
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> args = context.args();
        Path output;
        if (args.isEmpty()) {
            output = Path.of(writer.suggestedFileName());
        } else if (args.size() == 2 && (args.get(0).equals("--output") || args.get(0).equals("-o"))) {
            output = Path.of(args.get(1));
        } else {
            context.err().println("dora: support-bundle takes only --output FILE");
            return CliExit.USAGE;
        }
        writer.write(output);
        context.out().println(output.toAbsolutePath());
        return CliExit.OK;
    }
}
