package io.dora.ui.history.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.ui.history.OpenStatementCommand;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistorySearch;
import io.dora.workspace.QueryHistory;

/**
 * The workspace's query history, newest first: a search box over the statement text, one row per execution,
 * copy, and "Open in SQL Editor". Loads in a job and reloads when the history changes.
 */
public final class QueryHistoryView extends ViewPart {

    public static final String ID = "io.dora.ui.history";
    /** The most entries the table shows; the search narrows the rest down. */
    static final int SHOWN = 500;
    /** Executions arrive in bursts (scripts); one reload per burst. */
    private static final long RELOAD_DELAY_MILLIS = 300;

    private static final String PRODUCTION = "production";
    private static final Logger LOG = LoggerFactory.getLogger(QueryHistoryView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ServiceTracker<QueryHistory, QueryHistory> histories;
    /** The change subscription per history service, made by the loader the first time it reads one. */
    private final Map<QueryHistory, AutoCloseable> subscriptions = new HashMap<>();
    private TableViewer viewer;
    private Text search;
    private Job loader;
    private volatile String searchText = "";

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search the statements");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(search);

        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        column("Time", 150, entry -> TIME.format(entry.startedAt()));
        column("Connection", 180, HistoryEntry::connectionName);
        column("Environment", 110, HistoryEntry::environment);
        column("Duration", 90, entry -> entry.duration().toMillis() + " ms");
        column("Rows", 80, entry -> String.valueOf(entry.rows()));
        column("Outcome", 90, entry -> entry.outcome().id());
        column("Statement", 520, HistoryEntry::firstLine);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addDoubleClickListener(event -> openInEditor());
        createContextMenu();

        loader = Job.create("Loading the query history", monitor -> {
            load();
            return Status.OK_STATUS;
        });
        loader.setSystem(true);
        search.addModifyListener(event -> {
            searchText = search.getText();
            loader.schedule(RELOAD_DELAY_MILLIS);
        });

        histories = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(), QueryHistory.class,
                null) {
            @Override
            public QueryHistory addingService(ServiceReference<QueryHistory> reference) {
                QueryHistory history = super.addingService(reference);
                loader.schedule();
                return history;
            }

            @Override
            public void removedService(ServiceReference<QueryHistory> reference, QueryHistory history) {
                synchronized (subscriptions) {
                    unsubscribe(subscriptions.remove(history));
                }
                super.removedService(reference, history);
                loader.schedule();
            }
        };
        histories.open();
        loader.schedule();
    }

    /** Runs in the loader job: reads the page off the UI thread, then shows it. */
    private void load() {
        QueryHistory history = histories.getService();
        if (history == null) {
            show(List.of(), -1);
            return;
        }
        synchronized (subscriptions) {
            subscriptions.computeIfAbsent(history, h -> h.onChange(() -> loader.schedule(RELOAD_DELAY_MILLIS)));
        }
        HistorySearch query = HistorySearch.latest(SHOWN).withText(searchText);
        try {
            show(history.search(query), history.count(query));
        } catch (RuntimeException e) {
            LOG.warn("The query history could not be read: {}", e.getMessage());
            show(List.of(), -1);
        }
    }

    private void show(List<HistoryEntry> entries, long total) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            viewer.setInput(entries);
            if (total < 0) {
                setContentDescription("The query history is not available.");
                LOG.info("Query History has no history service");
                return;
            }
            setContentDescription(entries.size() == total ? total + " queries"
                    : entries.size() + " of " + total + " queries");
            LOG.info("Query History shows {} of {} entries", entries.size(), total);
        });
    }

    private void column(String title, int width, Function<HistoryEntry, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((HistoryEntry) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return ((HistoryEntry) element).error();
            }

            /** What ran against production stands out. */
            @Override
            public Color getForeground(Object element) {
                return PRODUCTION.equals(((HistoryEntry) element).environment())
                        ? viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_RED) : null;
            }
        });
    }

    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.add(new Action("Open in SQL Editor") {
            @Override
            public void run() {
                openInEditor();
            }
        });
        menu.add(new Action("Copy Statement") {
            @Override
            public void run() {
                selected().ifPresent(entry -> copy(entry.statement()));
            }
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
    }

    private Optional<HistoryEntry> selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof HistoryEntry entry ? Optional.of(entry) : Optional.empty();
    }

    private void copy(String text) {
        Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** Asks the SQL editor (through its command) to open the selected statement on its connection. */
    private void openInEditor() {
        selected().ifPresent(entry -> {
            ICommandService commands = getSite().getService(ICommandService.class);
            IHandlerService handlers = getSite().getService(IHandlerService.class);
            Map<String, String> parameters = new HashMap<>();
            parameters.put(OpenStatementCommand.STATEMENT, entry.statement());
            parameters.put(OpenStatementCommand.CONNECTION_ID, entry.connectionId());
            try {
                handlers.executeCommand(ParameterizedCommand.generateCommand(
                        commands.getCommand(OpenStatementCommand.ID), parameters), null);
            } catch (CommandException e) {
                LOG.debug("Opening a statement from the history in an editor failed", e);
                copy(entry.statement());
                MessageDialog.openInformation(getSite().getShell(), "Open in SQL Editor",
                        "No SQL editor is installed that can open the statement. "
                                + "The statement was copied to the clipboard instead.");
            }
        });
    }

    @Override
    public void setFocus() {
        search.setFocus();
    }

    @Override
    public void dispose() {
        histories.close();
        loader.cancel();
        synchronized (subscriptions) {
            subscriptions.values().forEach(QueryHistoryView::unsubscribe);
            subscriptions.clear();
        }
        super.dispose();
    }

    private static void unsubscribe(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing from the query history failed", e);
        }
    }
}
