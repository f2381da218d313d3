package io.dora.ui.connections.internal;

import java.util.Optional;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.schema.TableInfo;
import io.dora.ui.internal.views.ConnectionsView;

/** The Connections view as the handlers see it: its selected connection, and a refresh after a change. */
final class Navigator {

    private Navigator() {
    }

    static Optional<ConnectionSpec> selectedConnection(ExecutionEvent event) {
        return selectedConnection(HandlerUtil.getCurrentSelection(event));
    }

    /**
     * The spec of the one selected connection node. Navigator nodes adapt to their connection's spec; a table
     * node does too, but also to its table, and the connection commands must not act on a table's connection.
     */
    static Optional<ConnectionSpec> selectedConnection(Object selection) {
        if (selection instanceof IStructuredSelection structured && structured.size() == 1
                && Adapters.adapt(structured.getFirstElement(), TableInfo.class) == null) {
            return Optional.ofNullable(Adapters.adapt(structured.getFirstElement(), ConnectionSpec.class));
        }
        return Optional.empty();
    }

    /**
     * {@link #refresh} for every window, on the UI thread; nothing before the workbench runs. Kept out of
     * VaultWatcher: a workbench type in the signatures of a DS component's methods (a lambda's, too) makes SCR's
     * reflection start the workbench bundle on the framework's start-level thread.
     */
    static void refreshAllWindows() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        workbench.getDisplay().asyncExec(() -> {
            for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
                refresh(window);
            }
        });
    }

    /** Lists the connections afresh in the window's Connections view. */
    static void refresh(IWorkbenchWindow window) {
        if (window == null) {
            return;
        }
        for (IWorkbenchPage page : window.getPages()) {
            if (page.findView(ConnectionsView.ID) instanceof ConnectionsView view) {
                view.refreshConnections();
            }
        }
    }
}
