package io.dora.ui.internal.views;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import io.dora.core.plugins.PluginInfo;
import io.dora.core.plugins.PluginInventory;
import io.dora.ui.internal.TrackedServices;

/** Every installed bundle with its version and state, following installs, updates and uninstalls live. */
public final class InstalledPluginsView extends ViewPart {

    public static final String ID = "io.dora.ui.plugins";

    private TrackedServices<PluginInventory> inventories;
    private AutoCloseable subscription;
    /** Bundles change in bursts (a start-up activates dozens): one reload is queued at a time, not one per event. */
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private int installedCount;
    private TableViewer viewer;
    private Text filter;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by name, id or state");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        column("Name", 260, PluginInfo::name);
        column("Identifier", 260, PluginInfo::symbolicName);
        column("Version", 170, PluginInfo::version);
        column("State", 90, plugin -> plugin.state().label());
        column("Vendor", 160, PluginInfo::vendor);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                return ((PluginInfo) a).symbolicName().compareTo(((PluginInfo) b).symbolicName());
            }
        });
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return matches((PluginInfo) element, filter.getText());
            }
        });
        filter.addModifyListener(event -> {
            viewer.refresh();
            describe();
        });
        viewer.getTable().addListener(SWT.KeyDown, event -> {
            if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == 'c' || event.keyCode == 'C')) {
                copySelection();
                event.doit = false;
            }
        });

        inventories = new TrackedServices<>(getClass(), PluginInventory.class, this::inventoryChanged);
        inventoryChanged();
    }

    static boolean matches(PluginInfo plugin, String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return needle.isEmpty()
                || plugin.name().toLowerCase(Locale.ROOT).contains(needle)
                || plugin.symbolicName().toLowerCase(Locale.ROOT).contains(needle)
                || plugin.state().label().toLowerCase(Locale.ROOT).contains(needle);
    }

    private void column(String title, int width, Function<PluginInfo, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((PluginInfo) element);
            }
        });
    }

    /** Ctrl+C: the selected plugins as tab-separated lines (id, version, state, name), e.g. for a support request. */
    private void copySelection() {
        String text = ((IStructuredSelection) viewer.getSelection()).stream().map(PluginInfo.class::cast)
                .map(InstalledPluginsView::line).collect(Collectors.joining("\n"));
        if (text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    static String line(PluginInfo plugin) {
        return String.join("\t", plugin.symbolicName(), plugin.version(), plugin.state().label(), plugin.name());
    }

    /** (Re)subscribes to the best inventory; called from any thread. */
    private synchronized void inventoryChanged() {
        closeSubscription();
        PluginInventory inventory = inventories == null ? null : inventories.best();
        if (inventory != null) {
            subscription = inventory.onChange(this::refreshAsync);
        }
        refreshAsync();
    }

    private void refreshAsync() {
        if (viewer != null && !viewer.getControl().isDisposed() && reloadQueued.compareAndSet(false, true)) {
            viewer.getControl().getDisplay().asyncExec(this::reload);
        }
    }

    private void reload() {
        reloadQueued.set(false);
        if (viewer.getControl().isDisposed()) {
            return;
        }
        PluginInventory inventory = inventories.best();
        List<PluginInfo> plugins = inventory == null ? List.of() : inventory.plugins();
        installedCount = inventory == null ? -1 : plugins.size();
        viewer.setInput(plugins);
        describe();
    }

    private void describe() {
        setContentDescription(installedCount < 0 ? "The plugin inventory service is not available."
                : installedCount + " plugins installed, " + viewer.getTable().getItemCount() + " shown");
    }

    private synchronized void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the inventory is going away with its bundle; nothing left to unsubscribe from
            }
            subscription = null;
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        closeSubscription();
        inventories.close();
        super.dispose();
    }
}
