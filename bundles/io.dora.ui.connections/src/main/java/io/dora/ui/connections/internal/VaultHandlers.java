package io.dora.ui.connections.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
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

    /** Base: tracks the vault service for the handler's lifetime. */
    abstract static class VaultHandler extends AbstractHandler {
        private final TrackedServices<Vault> vaults = new TrackedServices<>(VaultHandlers.class, Vault.class, () -> { });

        Vault vault() {
            return vaults.best();
        }

        @Override
        public void setEnabled(Object evaluationContext) {
            Vault vault = vault();
            setBaseEnabled(vault != null && enabledWhenLocked() == vault.isLocked());
        }

        abstract boolean enabledWhenLocked();

        @Override
        public void dispose() {
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
