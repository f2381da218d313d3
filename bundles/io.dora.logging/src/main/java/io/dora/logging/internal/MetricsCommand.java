package io.dora.logging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.logging.metrics.MetricsService;

/** {@code dora cli metrics}: the metrics of this process as one JSON object. */
@Component(service = CliCommand.class)
public final class MetricsCommand implements CliCommand {

    private final MetricsService metrics;

    @Activate
    public MetricsCommand(@Reference MetricsService metrics) {
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public String summary() {
        return "print the query and pool metrics of this process as JSON";
    }

    @Override
    public String usage() {
        return """
                Usage: dora cli metrics
                Prints the metrics of this process (queries per connection and driver, pools) as one JSON object.
                Useful inside scripts that run queries in the same process; see docs/logging.md.""";
    }

    @Override
    public int run(CommandContext context) {
        if (!context.args().isEmpty()) {
            context.err().println("dora: metrics takes no arguments");
            return CliExit.USAGE;
        }
        context.out().println(metrics.snapshotJson());
        return CliExit.OK;
    }
}
