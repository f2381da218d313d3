package io.dora.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.dora.core.cli.CliCommand;

/** The headless {@code dora cli} application: dispatches to the {@link CliCommand} services. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Map<String, CliCommand> commands = commands(bundleContext);
        return new CliDispatcher(commands, version(bundleContext), System.out, System.err)
                .run(List.of(args), System.in, workspace(bundleContext));
    }

    @Override
    public void stop() {
        // commands run to completion on the launching thread; nothing to interrupt
    }

    private static Map<String, CliCommand> commands(BundleContext context) throws Exception {
        Map<String, CliCommand> commands = new TreeMap<>();
        for (ServiceReference<CliCommand> reference : context.getServiceReferences(CliCommand.class, null)) {
            CliCommand command = context.getService(reference);
            if (command != null) {
                commands.putIfAbsent(command.name(), command);
            }
        }
        return commands;
    }

    private static String version(BundleContext context) {
        return context.getBundle().getVersion().toString();
    }

    private static Path workspace(BundleContext context) throws Exception {
        var references = context.getServiceReferences(Location.class, Location.INSTANCE_FILTER);
        Optional<Location> location = references.stream().findFirst().map(context::getService);
        if (location.isPresent() && location.get().getURL() != null) {
            return Path.of(location.get().getURL().toURI());
        }
        return Path.of(System.getProperty("user.home"), "dora-workspace");
    }
}
