package io.dora.ui.connections.internal;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.ui.connections.ConnectionPage;
import io.dora.ui.connections.internal.pages.GenericConnectionPage;

/** The pages contributed to {@value #POINT}: the driver's own, else the generic one ({@code driver="*"}). */
final class ConnectionPageRegistry {

    static final String POINT = "io.dora.ui.connections.connectionPages";
    private static final String ANY_DRIVER = "*";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPageRegistry.class);

    record Contribution(String label, ConnectionPage page) {
    }

    private ConnectionPageRegistry() {
    }

    /** A new page for the driver; a contribution that cannot be created is logged and the next one tried. */
    static Contribution pageFor(String driverId) {
        IConfigurationElement[] elements = Platform.getExtensionRegistry().getConfigurationElementsFor(POINT);
        for (String wanted : new String[] { driverId, ANY_DRIVER }) {
            for (IConfigurationElement element : elements) {
                if (wanted.equals(element.getAttribute("driver"))) {
                    try {
                        ConnectionPage page = (ConnectionPage) element.createExecutableExtension("class");
                        String label = element.getAttribute("label");
                        return new Contribution(label == null ? "Main" : label, page);
                    } catch (CoreException | ClassCastException e) {
                        LOG.warn("The connection page {} of {} cannot be created: {}", element.getAttribute("class"),
                                element.getContributor().getName(), e.getMessage());
                    }
                }
            }
        }
        return new Contribution("Main", new GenericConnectionPage());
    }
}
