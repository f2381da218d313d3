package io.dora.ui.connections.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.ui.internal.TrackedServices;
import io.dora.vault.Vault;

/** Unlock Vault and Lock Vault; each is enabled only in the state it changes. */
public final class VaultHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(VaultHandlers.class);

    private VaultHandlers() {
    }

    /**
     * Base: tracks the vault service for the handler's lifetime and follows its lock state (also when it locks
     * itself after idling), so menus, the toolbar and key bindings always see the right enablement.
     */
    abstract static class VaultHandler extends AbstractHandler {
        private final TrackedServices<Vault> vaults;
        private AutoCloseable subscription;

        VaultHandler() {
            vaults = new TrackedServices<>(VaultHandlers.class, Vault.class, this::subscribe);
            subscribe();
        }

        Vault vault() {
            return vaults.best();
        }

        private synchronized void subscribe() {
            if (vaults == null) {
                return; // the tracker reports the services it finds while it opens: the constructor subscribes after
            }
            closeSubscription();
            Vault vault = vault();
            subscription = vault == null ? null : vault.addListener(event -> updateLater());
            updateLater();
        }

        private void updateLater() {
            if (PlatformUI.isWorkbenchRunning()) {
                PlatformUI.getWorkbench().getDisplay().asyncExec(this::update);
            }
        }

        private void update() {
            Vault vault = vault();
            setBaseEnabled(vault != null && enabledWhenLocked() == vault.isLocked());
        }

        abstract boolean enabledWhenLocked();

        private void closeSubscription() {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.debug("Could not stop listening to the vault", e);
                }
                subscription = null;
            }
        }

        @Override
        public synchronized void dispose() {
            closeSubscription();
            vaults.close();
            super.dispose();
        }
    }

    public static final class Unlock extends VaultHandler {
        @Override
        boolean enabledWhenLocked() {
            return true;
        }

        @Override
        public Object execute(ExecutionEvent event) {
            Vault vault = vault();
            if (vault != null && vault.isLocked()
                    && new UnlockVaultDialog(HandlerUtil.getActiveShell(event), vault).open() == Window.OK) {
                Navigator.refresh(HandlerUtil.getActiveWorkbenchWindow(event));
            }
            return null;
        }
    }

    public static final class Lock extends VaultHandler {
        @Override
        boolean enabledWhenLocked() {
            return false;
        }

        @Override
        public Object execute(ExecutionEvent event) {
            Vault vault = vault();
            if (vault != null) {
                vault.lock();
                LOG.info("Locked the vault {}", vault.file());
                Navigator.refresh(HandlerUtil.getActiveWorkbenchWindow(event));
            }
            return null;
        }
    }
}
