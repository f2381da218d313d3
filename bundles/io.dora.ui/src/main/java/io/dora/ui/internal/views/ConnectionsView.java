package io.dora.ui.internal.views;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.ui.internal.TrackedServices;
import io.dora.ui.internal.views.NavigatorNode.ConnectionNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/** The Connections navigator: connections expanding lazily into schemas, tables and columns. */
public final class ConnectionsView extends ViewPart {

    public static final String ID = "io.dora.ui.connections";

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
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
        });
        createActions();
        getSite().setSelectionProvider(viewer);
    }

    private void createActions() {
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                IStructuredSelection selection = viewer.getStructuredSelection();
                if (selection.isEmpty()) {
                    viewer.refresh();
                    return;
                }
                for (Object element : selection) {
                    model.refresh((NavigatorNode) element);
                    viewer.refresh(element);
                }
            }
        };
        refresh.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        refresh.setAccelerator(SWT.F5);
        Action disconnect = new Action("Disconnect") {
            @Override
            public void run() {
                if (viewer.getStructuredSelection().getFirstElement() instanceof ConnectionNode connection) {
                    model.disconnect(connection);
                    viewer.collapseToLevel(connection, TreeViewer.ALL_LEVELS);
                    viewer.refresh(connection);
                }
            }
        };
        Action copyName = new Action("Copy Name") {
            @Override
            public void run() {
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
        };
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener((IMenuManager manager) -> {
            manager.add(refresh);
            manager.add(copyName);
            if (viewer.getStructuredSelection().getFirstElement() instanceof ConnectionNode connection
                    && model.isConnected(connection)) {
                manager.add(disconnect);
            }
            manager.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS)); // other bundles' commands
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
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
