package io.dora.vault.internal.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionProfileStore;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.vault.Vault;
import io.dora.vault.VaultEntry;
import io.dora.vault.VaultException;
import io.dora.vault.VaultLockedException;

/**
 * The saved connections, kept in the vault: the source of truth for every connection opened by id. Nothing is
 * cached: each {@link #find} decrypts the entry the vault holds now (the vault reloads the file when another
 * process changed it), so an edit to environment or read-only applies at the next open.
 */
@Component(service = { ConnectionCatalog.class, ConnectionProfileStore.class })
public final class VaultConnectionCatalog implements ConnectionProfileStore {

    private final Vault vault;

    @Activate
    public VaultConnectionCatalog(@Reference Vault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<ConnectionProfile> find(String connectionId) {
        Optional<VaultEntry> entry = call(() -> vault.get(ConnectionProfileCodec.KIND, connectionId));
        try {
            return entry.map(found -> ConnectionProfileCodec.read(found, true));
        } finally {
            entry.ifPresent(VaultEntry::destroySecrets);
        }
    }

    @Override
    public List<ConnectionProfile> list() {
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (VaultEntry entry : call(() -> vault.list(ConnectionProfileCodec.KIND))) {
            try {
                profiles.add(ConnectionProfileCodec.read(entry, false));
            } finally {
                entry.destroySecrets();
            }
        }
        return profiles;
    }

    @Override
    public void save(ConnectionProfile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.id().isBlank()) {
            problems.add("The connection has no id");
        }
        if (profile.spec().driverId().isBlank()) {
            problems.add("No driver is chosen");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VaultEntry entry = ConnectionProfileCodec.write(profile);
        try {
            call(() -> {
                vault.put(entry);
                return null;
            });
        } finally {
            entry.destroySecrets();
        }
    }

    @Override
    public boolean remove(String connectionId) {
        return call(() -> vault.remove(ConnectionProfileCodec.KIND, connectionId));
    }

    /** Vault failures as the typed errors of the connection API; their messages name files and ids only. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (VaultLockedException e) {
            throw new DoraException(ErrorKind.CREDENTIALS_LOCKED, e.getMessage(), e);
        } catch (VaultException e) {
            throw new DoraException(ErrorKind.INTERNAL, "The vault cannot be used: " + e.getMessage(), e);
        }
    }
}
