package io.dora.ui.observe.internal.metrics;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import io.dora.logging.metrics.MetricsService;
import io.dora.ui.internal.TrackedServices;

/**
 * Query and pool metrics per connection and driver, re-read from the headless {@link MetricsService} every
 * {@value #REFRESH_MILLIS} ms by a UI-thread timer. A snapshot reads Micrometer's in-memory meters and the pools'
 * counters, so reading it on the UI thread never waits on a database.
 */
public final class MetricsView extends ViewPart {

    public static final String ID = "io.dora.ui.observe.metrics";
    static final int REFRESH_MILLIS = 2000;

    private TrackedServices<MetricsService> metrics;
    private TableViewer viewer;
    private final Runnable tick = this::tick;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column("Connection", 150, SWT.LEFT, MetricsRow::connectionId);
        column("Driver", 75, SWT.LEFT, MetricsRow::driver);
        column("Queries", 70, SWT.RIGHT, row -> Long.toString(row.count()));
        column("Errors", 60, SWT.RIGHT, row -> Long.toString(row.errors()));
        column("Cancelled", 82, SWT.RIGHT, row -> Long.toString(row.cancellations()));
        column("Timeouts", 78, SWT.RIGHT, row -> Long.toString(row.timeouts()));
        column("Mean", 70, SWT.RIGHT, row -> MetricsRows.millis(row.meanMillis()));
        column("p50 ≤", 70, SWT.RIGHT, row -> MetricsRows.millis(row.p50Millis()));
        column("p95 ≤", 70, SWT.RIGHT, row -> MetricsRows.millis(row.p95Millis()));
        column("p99 ≤", 70, SWT.RIGHT, row -> MetricsRows.millis(row.p99Millis()));
        column("Max", 70, SWT.RIGHT, row -> MetricsRows.millis(row.maxMillis()));
        column("Active", 55, SWT.RIGHT, row -> MetricsRows.pool(row.poolActive()));
        column("Idle", 50, SWT.RIGHT, row -> MetricsRows.pool(row.poolIdle()));
        column("Waiting", 66, SWT.RIGHT, row -> MetricsRows.pool(row.poolWaiting()));
        column("Pool size", 75, SWT.RIGHT, row -> row.hasPool() ? row.poolTotal() + " / " + row.poolMaximum() : "–");
        viewer.setContentProvider(ArrayContentProvider.getInstance());

        getViewSite().getActionBars().getToolBarManager().add(new CopyJsonAction());
        metrics = new TrackedServices<>(getClass(), MetricsService.class, () -> { });
        tick();
    }

    private void column(String title, int width, int alignment, Function<MetricsRow, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((MetricsRow) element);
            }
        });
    }

    /** Refreshes and schedules the next refresh; the timer dies with the view. */
    private void tick() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        refresh();
        viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    private void refresh() {
        MetricsService service = metrics.best();
        if (service == null) {
            viewer.setInput(List.of());
            setContentDescription("The metrics service is not available.");
            return;
        }
        List<MetricsRow> rows = MetricsRows.of(service.snapshot());
        viewer.setInput(rows);
        setContentDescription(MetricsRows.summary(rows));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().timerExec(-1, tick);
        }
        if (metrics != null) {
            metrics.close();
        }
        super.dispose();
    }

    /** Puts the snapshot as JSON (the same as {@code dora cli metrics}) on the clipboard, for a bug report. */
    private final class CopyJsonAction extends Action {

        CopyJsonAction() {
            super("Copy as JSON");
            setToolTipText("Copy the metrics as JSON");
        }

        @Override
        public void run() {
            MetricsService service = metrics.best();
            if (service == null) {
                return;
            }
            Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
            try {
                clipboard.setContents(new Object[] { service.snapshotJson() },
                        new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        }
    }
}
