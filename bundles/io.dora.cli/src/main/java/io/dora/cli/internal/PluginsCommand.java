package io.dora.cli.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.plugins.PluginInfo;
import io.dora.core.plugins.PluginInventory;

/** {@code dora cli plugins}: every installed bundle with its version and state. */
@Component(service = CliCommand.class)
public final class PluginsCommand implements CliCommand {

    private final PluginInventory inventory;

    @Activate
    public PluginsCommand(@Reference PluginInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list the installed plugins with their versions and states";
    }

    @Override
    public String usage() {
        return "Usage: dora cli plugins\nLists every installed plugin (OSGi bundle): symbolic name, version, state.";
    }

    @Override
    public int run(CommandContext context) {
        if (!context.args().isEmpty()) {
            context.err().println("dora: plugins takes no arguments");
            return CliExit.USAGE;
        }
        for (PluginInfo plugin : inventory.plugins()) {
            context.out().printf("%-55s %-28s %s%n", plugin.symbolicName(), plugin.version(),
                    plugin.fragment() ? "Fragment" : plugin.state().label());
        }
        return CliExit.OK;
    }
}
