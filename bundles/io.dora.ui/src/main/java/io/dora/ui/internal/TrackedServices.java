package io.dora.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services of one type as they come and go, for a view that must follow hot-installed bundles. A service is
 * only fetched (and so, for a delayed DS component, activated) when the view first asks for it, which keeps the
 * drivers and the vault out of the workbench's start. The listener runs on the thread that changed the service
 * registry; views hop to the UI thread themselves.
 */
public final class TrackedServices<T> implements AutoCloseable {

    private final BundleContext context;
    private final ServiceTracker<T, ServiceReference<T>> tracker;
    private final Set<ServiceReference<T>> fetched = ConcurrentHashMap.newKeySet();

    public TrackedServices(Class<?> owner, Class<T> type, Runnable onChange) {
        context = FrameworkUtil.getBundle(owner).getBundleContext();
        tracker = new ServiceTracker<>(context, type, null) {
            @Override
            public ServiceReference<T> addingService(ServiceReference<T> reference) {
                onChange.run();
                return reference;
            }

            @Override
            public void removedService(ServiceReference<T> reference, ServiceReference<T> same) {
                release(reference);
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
        List<T> services = new ArrayList<>();
        for (ServiceReference<T> reference : Arrays.stream(references).sorted(Comparator.reverseOrder()).toList()) {
            T service = context.getService(reference);
            if (service != null) {
                // the framework counts every get: keep one per reference, released when it goes or we close
                if (!fetched.add(reference)) {
                    context.ungetService(reference);
                }
                services.add(service);
            }
        }
        return services;
    }

    /** The highest-ranked service, or null when none is registered. */
    public T best() {
        List<T> services = current();
        return services.isEmpty() ? null : services.get(0);
    }

    private void release(ServiceReference<T> reference) {
        if (fetched.remove(reference)) {
            context.ungetService(reference);
        }
    }

    @Override
    public void close() {
        tracker.close();
        fetched.forEach(context::ungetService);
        fetched.clear();
    }
}
