package io.dora.core.connection;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where saved connections come from, registered as an OSGi service (the vault's catalog; the built-in
 * sample connections). {@code ConnectionService#connectById} reads the profile from here every time a
 * connection is opened, so the environment and the read-only flag are the catalog's, never a caller's.
 *
 * <p>Implementations fail with a {@code DoraException}: {@code CREDENTIALS_LOCKED} while the store is
 * locked, {@code INVALID_INPUT} when a stored profile cannot be read back strictly.
 */
public interface ConnectionCatalog {

    /** The profile with its secrets, read afresh from the store; empty when the catalog has no such id. */
    Optional<ConnectionProfile> find(String connectionId);

    /** Every profile, sorted by id, <em>without</em> secrets (for lists and trees). */
    List<ConnectionProfile> list();

    /** A catalog of fixed profiles (built-in connections, tests). */
    static ConnectionCatalog of(Collection<ConnectionProfile> profiles) {
        Map<String, ConnectionProfile> byId = profiles.stream()
                .collect(Collectors.toUnmodifiableMap(ConnectionProfile::id, Function.identity()));
        return new ConnectionCatalog() {
            @Override
            public Optional<ConnectionProfile> find(String connectionId) {
                return Optional.ofNullable(byId.get(connectionId));
            }

            @Override
            public List<ConnectionProfile> list() {
                return byId.values().stream().sorted(Comparator.comparing(ConnectionProfile::id)).toList();
            }
        };
    }
}
