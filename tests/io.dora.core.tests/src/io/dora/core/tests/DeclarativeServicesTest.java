package io.dora.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.cli.CliCommand;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.plugins.PluginInventory;
import io.dora.core.query.QueryManager;

/** The headless feature as the products run it: every Dora DS component resolves and the core ones activate. */
class DeclarativeServicesTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    @AfterEach
    void closeTrackers() {
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    void noDoraComponentIsUnsatisfiedOrFailed() throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle[] dora = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("io.dora."))
                .toArray(Bundle[]::new);
        List<String> problems = new ArrayList<>();
        Set<String> components = new TreeSet<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(dora)) {
            components.add(description.name);
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(description.name + " is in state " + configuration.state
                            + (configuration.failure == null ? "" : ": " + configuration.failure)
                            + " unsatisfied references " + Arrays.toString(configuration.unsatisfiedReferences));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(components.containsAll(List.of("io.dora.core.internal.driver.DriverRegistryService",
                "io.dora.core.internal.query.QueryManagerService",
                "io.dora.core.internal.plugins.BundlePluginInventory")), components.toString());
    }

    @Test
    void theCoreServicesActivateWhenUsed() throws Exception {
        assertNotNull(service(DriverRegistry.class));
        assertNotNull(service(ConnectionService.class));
        assertNotNull(service(QueryManager.class));
        PluginInventory inventory = service(PluginInventory.class);
        assertTrue(inventory.plugins().stream().anyMatch(plugin -> plugin.symbolicName().equals("io.dora.core")),
                "the inventory lists io.dora.core");

        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO registry = scr.getComponentDescriptionDTO(
                FrameworkUtil.getBundle(DriverRegistry.class), "io.dora.core.internal.driver.DriverRegistryService");
        assertNotNull(registry, "the driver registry component is declared");
        assertEquals(ComponentConfigurationDTO.ACTIVE,
                scr.getComponentConfigurationDTOs(registry).iterator().next().state);
    }

    @Test
    void commandsFromSeveralBundlesReachTheCommandLine() throws Exception {
        ServiceTracker<CliCommand, CliCommand> tracker = track(CliCommand.class);
        assertTrue(awaitCount(tracker, 2), "the plugins and sql commands are registered");
        Set<String> names = new TreeSet<>();
        for (Object command : tracker.getServices()) {
            names.add(((CliCommand) command).name());
        }
        assertTrue(names.containsAll(List.of("plugins", "sql")), names.toString());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        T service = track(type).waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }

    private <T> ServiceTracker<T, T> track(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        return tracker;
    }

    private static boolean awaitCount(ServiceTracker<?, ?> tracker, int count) throws InterruptedException {
        for (int i = 0; i < 100 && tracker.size() < count; i++) {
            Thread.sleep(100);
        }
        return tracker.size() >= count;
    }
}
