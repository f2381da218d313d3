package io.dora.core.internal.plugins;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.plugins.PluginInfo;
import io.dora.core.plugins.PluginInventory;
import io.dora.core.plugins.PluginState;

/** {@link PluginInventory} read from the OSGi framework this component runs in. */
@Component(service = PluginInventory.class)
public final class BundlePluginInventory implements PluginInventory {

    private static final Logger LOG = LoggerFactory.getLogger(BundlePluginInventory.class);

    private final BundleContext context;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final BundleListener bundleListener = this::bundleChanged;

    @Activate
    public BundlePluginInventory(BundleContext context) {
        this.context = context;
        context.addBundleListener(bundleListener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundleListener);
        listeners.clear();
    }

    @Override
    public List<PluginInfo> plugins() {
        return Arrays.stream(context.getBundles())
                .map(BundlePluginInventory::describe)
                .sorted(Comparator.comparing(PluginInfo::symbolicName).thenComparing(PluginInfo::version))
                .toList();
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void bundleChanged(BundleEvent event) {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // a broken listener (a plugin's view, say) must not stop the others from hearing the news
                LOG.warn("A plugin-change listener failed", e);
            }
        }
    }

    static PluginInfo describe(Bundle bundle) {
        String symbolicName = bundle.getSymbolicName() == null ? "(no symbolic name)" : bundle.getSymbolicName();
        String name = header(bundle, Constants.BUNDLE_NAME, symbolicName);
        String vendor = header(bundle, Constants.BUNDLE_VENDOR, "");
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return new PluginInfo(bundle.getBundleId(), symbolicName, name, vendor, bundle.getVersion().toString(),
                state(bundle.getState()), fragment);
    }

    static PluginState state(int osgiState) {
        return switch (osgiState) {
            case Bundle.INSTALLED -> PluginState.INSTALLED;
            case Bundle.RESOLVED -> PluginState.RESOLVED;
            case Bundle.STARTING -> PluginState.STARTING;
            case Bundle.STOPPING -> PluginState.STOPPING;
            case Bundle.ACTIVE -> PluginState.ACTIVE;
            default -> PluginState.UNINSTALLED;
        };
    }

    private static String header(Bundle bundle, String key, String fallback) {
        String value = bundle.getHeaders().get(key);
        // an unlocalised header that points into a properties file ("%bundleName") says nothing to a person
        return value == null || value.isBlank() || value.startsWith("%") ? fallback : value;
    }
}
