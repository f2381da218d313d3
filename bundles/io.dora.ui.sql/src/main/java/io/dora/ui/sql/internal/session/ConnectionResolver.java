package io.dora.ui.sql.internal.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.error.DoraException;
import io.dora.ui.internal.TrackedServices;

/**
 * Finds connections where the Connections view does: the built-in connections, then the catalogs (the vault),
 * listed without secrets; one by id, or all that can be listed now. Reads local files only; still, callers at start use it off the
 * UI thread.
 */
public final class ConnectionResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionResolver.class);

    private final TrackedServices<BuiltInConnectionProvider> builtIns;
    private final TrackedServices<ConnectionCatalog> catalogs;

    public ConnectionResolver() {
        builtIns = new TrackedServices<>(ConnectionResolver.class, BuiltInConnectionProvider.class, () -> { });
        catalogs = new TrackedServices<>(ConnectionResolver.class, ConnectionCatalog.class, () -> { });
    }

    /**
     * The profile's spec (without secrets), or a spec that only carries the id with the reason it was not found:
     * the editor opens anyway and says why it cannot connect, so no script is lost.
     */
    public Resolution resolve(String connectionId) {
        String id = connectionId == null ? "" : connectionId;
        for (BuiltInConnectionProvider provider : builtIns.current()) {
            Optional<ConnectionSpec> builtIn = builtInConnection(provider, id);
            if (builtIn.isPresent()) {
                return new Resolution(builtIn.get(), null);
            }
        }
        String problem = null;
        for (ConnectionCatalog catalog : catalogs.current()) {
            try {
                Optional<ConnectionProfile> saved = catalog.list().stream().filter(p -> p.id().equals(id)).findFirst();
                if (saved.isPresent()) {
                    return new Resolution(saved.get().spec(), null);
                }
            } catch (DoraException e) {
                problem = e.getMessage(); // a locked vault: another catalog may still have the connection
            } catch (RuntimeException e) {
                LOG.error("The connection catalog {} failed to list its connections", catalog.getClass().getName(), e);
                problem = "The connection catalog failed to list its connections";
            }
        }
        if (problem == null) {
            problem = id.isEmpty() ? "The editor had no connection"
                    : "No saved connection '" + id + "' (it was deleted, or belongs to another vault)";
        }
        return new Resolution(ConnectionSpec.builder(id, "").name(id.isEmpty() ? "No connection" : id).build(),
                problem);
    }

    /** The built-in connections, then the saved ones of every catalog that can be listed (the vault while unlocked). */
    public List<ConnectionSpec> known() {
        Map<String, ConnectionSpec> specs = new LinkedHashMap<>();
        for (BuiltInConnectionProvider provider : builtIns.current()) {
            builtInConnections(provider).forEach(spec -> specs.putIfAbsent(spec.id(), spec));
        }
        for (ConnectionCatalog catalog : catalogs.current()) {
            try {
                catalog.list().forEach(profile -> specs.putIfAbsent(profile.id(), profile.spec()));
            } catch (DoraException e) {
                // a locked vault lists nothing: the Connections view says so and offers Unlock Vault
            } catch (RuntimeException e) {
                LOG.error("The connection catalog {} failed to list its connections", catalog.getClass().getName(), e);
            }
        }
        return new ArrayList<>(specs.values());
    }

    private static Optional<ConnectionSpec> builtInConnection(BuiltInConnectionProvider provider, String id) {
        return builtInConnections(provider).stream().filter(spec -> spec.id().equals(id)).findFirst();
    }

    private static List<ConnectionSpec> builtInConnections(BuiltInConnectionProvider provider) {
        try {
            return provider.builtInConnections();
        } catch (RuntimeException e) {
            LOG.error("The built-in connections of {} failed", provider.getClass().getName(), e);
            return List.of();
        }
    }

    @Override
    public void close() {
        builtIns.close();
        catalogs.close();
    }

    /**
     * @param spec    the connection's spec; only its id when {@code problem} is set
     * @param problem why the profile could not be read; null when it was
     */
    public record Resolution(ConnectionSpec spec, String problem) {
    }
}
