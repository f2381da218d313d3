package io.dora.ui.connections.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionProfileStore;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.error.DoraException;
import io.dora.ui.connections.ConnectionForm;
import io.dora.ui.internal.TrackedServices;
import io.dora.vault.Vault;

/** New, Edit, Duplicate and Delete Connection: the profiles live in the vault's {@link ConnectionProfileStore}. */
public final class ConnectionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandlers.class);

    private ConnectionHandlers() {
    }

    /** Base: the services a connection command needs, tracked for the handler's lifetime. */
    abstract static class ConnectionHandler extends AbstractHandler {
        private final TrackedServices<ConnectionProfileStore> stores =
                new TrackedServices<>(ConnectionHandlers.class, ConnectionProfileStore.class, () -> { });
        private final TrackedServices<ConnectionService> connections =
                new TrackedServices<>(ConnectionHandlers.class, ConnectionService.class, () -> { });
        private final TrackedServices<DriverRegistry> registries =
                new TrackedServices<>(ConnectionHandlers.class, DriverRegistry.class, () -> { });
        private final TrackedServices<Vault> vaults = new TrackedServices<>(ConnectionHandlers.class, Vault.class, () -> { });

        ConnectionProfileStore store() {
            return stores.best();
        }

        /** The saved profile behind the selected connection; built-in connections have none. */
        Optional<ConnectionProfile> selectedProfile(ExecutionEvent event) {
            Optional<ConnectionSpec> spec = Navigator.selectedConnection(event);
            if (spec.isEmpty() || store() == null) {
                return Optional.empty();
            }
            try {
                return store().find(spec.get().id());
            } catch (DoraException e) {
                report(event, "The connection cannot be read", e);
                return Optional.empty();
            }
        }

        /** Opens the dialog; true when the profile was saved. */
        boolean edit(ExecutionEvent event, String title, ConnectionForm form, ConnectionProfile original) {
            Shell shell = HandlerUtil.getActiveShell(event);
            if (store() == null || connections.best() == null || registries.best() == null) {
                MessageDialog.openError(shell, title, "The vault or the connection service is not installed.");
                return false;
            }
            List<DriverInfo> drivers = registries.best().drivers().stream().map(Driver::info)
                    .sorted(Comparator.comparing(DriverInfo::displayName)).toList();
            Vault vault = vaults.best();
            if (vault != null && vault.isLocked()) {
                // saved connections go into the vault: open it before the user types anything
                if (new UnlockVaultDialog(shell, vault).open() != Window.OK) {
                    return false;
                }
                Navigator.refresh(HandlerUtil.getActiveWorkbenchWindow(event));
            }
            ConnectionDialog dialog = new ConnectionDialog(shell, title, form, original, drivers, store(),
                    connections.best(), vault);
            boolean saved = dialog.open() == Window.OK;
            // a test connection may have saved it too, and Cancel restored it: list afresh either way
            Navigator.refresh(HandlerUtil.getActiveWorkbenchWindow(event));
            return saved;
        }

        static void report(ExecutionEvent event, String title, DoraException e) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), title, ConnectionDialog.describe(e));
        }

        @Override
        public void dispose() {
            stores.close();
            connections.close();
            registries.close();
            vaults.close();
            super.dispose();
        }
    }

    public static final class New extends ConnectionHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            ConnectionForm form = ConnectionForm.blank("", ConnectionsPreferences.defaultEnvironment());
            Navigator.selectedConnection(event).flatMap(spec -> store() == null ? Optional.empty()
                    : store().find(spec.id())).ifPresent(profile -> form.folder = profile.folder());
            edit(event, "New Connection", form, null);
            return null;
        }
    }

    public static final class Edit extends ConnectionHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Optional<ConnectionProfile> profile = selectedProfile(event);
            if (profile.isEmpty()) {
                MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Edit Connection",
                        "Select a saved connection (built-in connections cannot be edited: duplicate them).");
                return null;
            }
            edit(event, "Edit Connection", ConnectionForm.of(profile.get()), profile.get());
            return null;
        }
    }

    public static final class Duplicate extends ConnectionHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Optional<ConnectionSpec> spec = Navigator.selectedConnection(event);
            if (spec.isEmpty()) {
                return null;
            }
            ConnectionProfile source = selectedProfile(event).orElse(new ConnectionProfile("", spec.get()));
            ConnectionForm form = ConnectionForm.of(source);
            form.id = "";
            form.name = source.spec().name() + " (copy)";
            edit(event, "Duplicate Connection", form, null);
            return null;
        }
    }

    public static final class Delete extends ConnectionHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Optional<ConnectionProfile> profile = selectedProfile(event);
            if (profile.isEmpty()) {
                return null;
            }
            String name = profile.get().spec().name();
            if (!MessageDialog.openConfirm(HandlerUtil.getActiveShell(event), "Delete Connection",
                    "Delete the connection '" + name + "' and its secrets from the vault?")) {
                return null;
            }
            try {
                store().remove(profile.get().id());
                LOG.info("Deleted the connection '{}' from the vault", profile.get().id());
            } catch (DoraException e) {
                report(event, "The connection was not deleted", e);
            }
            Navigator.refresh(HandlerUtil.getActiveWorkbenchWindow(event));
            return null;
        }
    }
}
