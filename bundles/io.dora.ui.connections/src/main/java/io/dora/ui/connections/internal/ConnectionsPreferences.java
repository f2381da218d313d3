package io.dora.ui.connections.internal;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.dora.core.connection.Environment;

/** The keys and defaults of the "Dora > Connections" preferences, kept per workspace. */
final class ConnectionsPreferences {

    static final String NODE = "io.dora.ui.connections";
    static final String AUTO_LOCK_MINUTES = "vault.autoLockMinutes";
    static final String DEFAULT_ENVIRONMENT = "connection.defaultEnvironment";
    static final int DEFAULT_AUTO_LOCK_MINUTES = 15;

    private ConnectionsPreferences() {
    }

    static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    static int autoLockMinutes() {
        return Math.max(0, node().getInt(AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES));
    }

    static Environment defaultEnvironment() {
        try {
            return Environment.parse(node().get(DEFAULT_ENVIRONMENT, Environment.DEVELOPMENT.id()));
        } catch (IllegalArgumentException e) {
            return Environment.DEVELOPMENT;
        }
    }
}
