package io.dora.ui.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services of one type as they come and go, for a view that must follow hot-installed bundles. The
 * listener runs on the thread that changed the service registry; views hop to the UI thread themselves.
 */
public final class TrackedServices<T> implements AutoCloseable {

    private final ServiceTracker<T, T> tracker;

    public TrackedServices(Class<?> owner, Class<T> type, Runnable onChange) {
        BundleContext context = FrameworkUtil.getBundle(owner).getBundleContext();
        tracker = new ServiceTracker<>(context, type, null) {
            @Override
            public T addingService(ServiceReference<T> reference) {
                T service = super.addingService(reference);
                onChange.run();
                return service;
            }

            @Override
            public void removedService(ServiceReference<T> reference, T service) {
                super.removedService(reference, service);
                onChange.run();
            }
        };
        tracker.open();
    }

    /** The services now registered, highest ranking first. */
    public List<T> current() {
        ServiceReference<T>[] references = tracker.getServiceReferences();
        if (references == null) {
            return List.of();
        }
        return Arrays.stream(references)
                .sorted(Comparator.reverseOrder())
                .map(tracker::getService)
                .filter(service -> service != null)
                .toList();
    }

    /** The highest-ranked service, or null when none is registered. */
    public T best() {
        List<T> services = current();
        return services.isEmpty() ? null : services.get(0);
    }

    @Override
    public void close() {
        tracker.close();
    }
}
