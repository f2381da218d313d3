package io.dora.ui.internal.views;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.ui.internal.TrackedServices;
import io.dora.ui.internal.views.NavigatorNode.StatusNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/**
 * The Connections navigator: connections expanding lazily into schemas, tables, and each table's columns, keys
 * and indexes.
 */
public final class ConnectionsView extends ViewPart {

    public static final String ID = "io.dora.ui.connections";
    /** The context active while the view is, for the key bindings of the commands other bundles add to it. */
    public static final String CONTEXT_ID = "io.dora.ui.connectionsViewContext";
    /** The command a double-click on a "vault locked" status row runs (contributed by io.dora.ui.connections). */
    private static final String UNLOCK_VAULT_COMMAND = "io.dora.ui.connections.unlockVault";

    private TrackedServices<ConnectionService> connectionServices;
    private TrackedServices<BuiltInConnectionProvider> builtIns;
    private TrackedServices<ConnectionCatalog> catalogs;
    private NavigatorModel model;
    private TreeViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        connectionServices = new TrackedServices<>(getClass(), ConnectionService.class, () -> { });
        builtIns = new TrackedServices<>(getClass(), BuiltInConnectionProvider.class, this::refreshAllAsync);
        catalogs = new TrackedServices<>(getClass(), ConnectionCatalog.class, this::refreshAllAsync);
        model = new NavigatorModel(connectionServices::best, builtIns::current, catalogs::current,
                this::childrenLoaded);
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(new NavigatorLabelProvider(model));
        viewer.setUseHashlookup(true);
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int category(Object element) {
                // user tables and views first, system tables after them; the rest keeps the server's order
                return element instanceof TableNode table ? table.table().kind().ordinal() : 0;
            }

            @Override
            public int compare(Viewer v, Object a, Object b) {
                int byCategory = Integer.compare(category(a), category(b));
                return byCategory != 0 || !(a instanceof TableNode) ? byCategory
                        : ((TableNode) a).name().compareToIgnoreCase(((TableNode) b).name());
            }
        });
        viewer.setInput(model);
        viewer.addDoubleClickListener(event -> {
            Object element = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (element instanceof StatusNode status && status.error()) {
                runIfEnabled(UNLOCK_VAULT_COMMAND);
            }
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
        });
        new NavigatorActions(viewer, model).contribute(getViewSite());
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
    }

    /** Lists the connections afresh (after the vault was unlocked or a connection saved); safe from any thread. */
    public void refreshConnections() {
        refreshAllAsync();
    }

    private void runIfEnabled(String commandId) {
        ICommandService commands = getSite().getService(ICommandService.class);
        Command command = commands.getCommand(commandId);
        if (command.isDefined() && command.isEnabled()) {
            try {
                getSite().getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
                // the status row stays as it is: the command's own dialog reports its failures
            }
        }
    }

    private void childrenLoaded(NavigatorNode node) {
        asyncExec(() -> viewer.refresh(node));
    }

    private void refreshAllAsync() {
        asyncExec(() -> viewer.refresh());
    }

    private void asyncExec(Runnable update) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    update.run();
                }
            });
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        builtIns.close();
        catalogs.close();
        connectionServices.close();
        model.close();
        super.dispose();
    }

    private final class ContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return model.roots().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return model.children((NavigatorNode) parent).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return model.hasChildren((NavigatorNode) element);
        }
    }
}
