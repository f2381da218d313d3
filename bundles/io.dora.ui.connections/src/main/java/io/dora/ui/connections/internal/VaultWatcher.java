package io.dora.ui.connections.internal;

import java.time.Duration;

import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.PreferenceChangeEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.vault.Vault;
import io.dora.vault.VaultEvent;

/**
 * Applies the auto-lock preference to the vault, and keeps the Connections view true to the vault's state:
 * when it locks itself after idling (or unlocks elsewhere), the view lists the connections afresh.
 */
@Component(immediate = true)
public final class VaultWatcher implements IPreferenceChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(VaultWatcher.class);

    private final Vault vault;
    private final AutoCloseable subscription;

    @Activate
    public VaultWatcher(@Reference Vault vault) {
        this.vault = vault;
        applyAutoLock();
        ConnectionsPreferences.node().addPreferenceChangeListener(this);
        subscription = vault.addListener(event -> {
            if (event != VaultEvent.CONTENT_CHANGED) {
                Navigator.refreshAllWindows();
            }
        });
    }

    @Override
    public void preferenceChange(PreferenceChangeEvent event) {
        if (ConnectionsPreferences.AUTO_LOCK_MINUTES.equals(event.getKey())) {
            applyAutoLock();
        }
    }

    private void applyAutoLock() {
        int minutes = ConnectionsPreferences.autoLockMinutes();
        vault.setAutoLockAfter(Duration.ofMinutes(minutes));
        LOG.debug("The vault locks itself after {} idle minutes (0 = never)", minutes);
    }

    @Deactivate
    void deactivate() throws Exception {
        ConnectionsPreferences.node().removePreferenceChangeListener(this);
        subscription.close();
    }
}
