package io.dora.ui.internal.views;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ITreeSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;

import io.dora.ui.internal.views.NavigatorNode.ConnectionNode;
import io.dora.ui.internal.views.NavigatorNode.SchemaNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/**
 * The Connections view's own actions: Refresh (F5, the platform's refresh command) re-reads the selected nodes
 * from the server, Copy Name (Ctrl+C), Connect and Disconnect; and the context menu other bundles add to.
 */
final class NavigatorActions {

    private final TreeViewer viewer;
    private final NavigatorModel model;

    NavigatorActions(TreeViewer viewer, NavigatorModel model) {
        this.viewer = viewer;
        this.model = model;
    }

    /** Adds the actions to the view's toolbar, context menu and key bindings. */
    void contribute(IViewSite site) {
        Action refresh = action("Refresh", this::refresh);
        refresh.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        refresh.setActionDefinitionId(IWorkbenchCommandConstants.FILE_REFRESH);
        Action copyName = action("Copy Name", this::copyNames);
        copyName.setActionDefinitionId(IWorkbenchCommandConstants.EDIT_COPY);
        Action connect = action("Connect", () -> viewer.expandToLevel(selectedConnection(), 1));
        Action disconnect = action("Disconnect", this::disconnect);
        IActionBars bars = site.getActionBars();
        bars.setGlobalActionHandler(ActionFactory.REFRESH.getId(), refresh);
        bars.setGlobalActionHandler(ActionFactory.COPY.getId(), copyName);
        bars.getToolBarManager().add(refresh);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener((IMenuManager manager) -> {
            manager.add(refresh);
            manager.add(copyName);
            ConnectionNode connection = selectedConnection();
            if (connection != null) {
                manager.add(model.isConnected(connection) ? disconnect : connect);
            }
            manager.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS)); // other bundles' commands
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        site.registerContextMenu(menu, viewer);
    }

    /**
     * Forgets what was read under each selected node and reads it again from the server: a table's columns, keys
     * and indexes, a schema's tables, a connection's schemas. A column, key or section refreshes its table; with
     * nothing below a connection selected, the list of connections is read again.
     */
    private void refresh() {
        Set<NavigatorNode> targets = new LinkedHashSet<>();
        for (TreePath path : ((ITreeSelection) viewer.getStructuredSelection()).getPaths()) {
            NavigatorNode target = null;
            for (int i = path.getSegmentCount() - 1; i >= 0 && target == null; i--) {
                if (path.getSegment(i) instanceof NavigatorNode node && rereadable(node)) {
                    target = node;
                }
            }
            if (target != null) {
                targets.add(target);
            }
        }
        if (targets.isEmpty()) {
            viewer.refresh();
        }
        for (NavigatorNode target : targets) {
            model.refresh(target);
            viewer.refresh(target);
        }
    }

    private static boolean rereadable(NavigatorNode node) {
        return node instanceof ConnectionNode || node instanceof SchemaNode || node instanceof TableNode;
    }

    private void copyNames() {
        StringBuilder names = new StringBuilder();
        for (Object element : viewer.getStructuredSelection()) {
            names.append(names.isEmpty() ? "" : "\n").append(((NavigatorNode) element).name());
        }
        if (!names.isEmpty()) {
            Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
            clipboard.setContents(new Object[] { names.toString() }, new Transfer[] { TextTransfer.getInstance() });
            clipboard.dispose();
        }
    }

    private void disconnect() {
        ConnectionNode connection = selectedConnection();
        if (connection != null) {
            model.disconnect(connection);
            viewer.collapseToLevel(connection, TreeViewer.ALL_LEVELS);
            viewer.refresh(connection);
        }
    }

    private ConnectionNode selectedConnection() {
        return viewer.getStructuredSelection().getFirstElement() instanceof ConnectionNode connection ? connection
                : null;
    }

    private static Action action(String label, Runnable run) {
        return new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
    }
}
