package io.dora.ui.sql.internal.results;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.query.ColumnInfo;

/**
 * One result set as a virtual table: SWT asks for the rows it paints, and asking near the end of what arrived
 * lets the streaming query fetch the next page. NULL cells are grey, distinct from empty strings.
 */
final class ResultGrid extends Composite implements ResultView {

    private static final Logger LOG = LoggerFactory.getLogger(ResultGrid.class);

    /** The command that exports the result shown (the grid's menu runs it like the SQL menu does). */
    static final String EXPORT_COMMAND = "io.dora.ui.sql.exportResult";

    private final String statement;
    private final RowBuffer buffer;
    private final List<ColumnInfo> columns;
    private final long startedNanos;
    private final Table table;
    private final Label footer;
    private final Color nullColor;
    private int clickedColumn = -1;
    private long shownRows = -1;
    private int rowNumberDigits = 1;

    /** @param statement the statement that returned this result, which Export Result runs again */
    ResultGrid(Composite parent, String statement, List<ColumnInfo> columns, RowBuffer buffer, long startedNanos) {
        super(parent, SWT.NONE);
        this.statement = statement;
        this.columns = columns;
        this.buffer = buffer;
        this.startedNanos = startedNanos;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        setLayout(layout);
        nullColor = getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        table = new Table(this, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TableColumn rowNumber = new TableColumn(table, SWT.RIGHT);
        rowNumber.setText("#");
        rowNumber.setWidth(56);
        for (ColumnInfo column : columns) {
            TableColumn tableColumn = new TableColumn(table, SWT.LEFT);
            tableColumn.setText(column.label());
            tableColumn.setToolTipText(column.typeName());
            tableColumn.setWidth(Math.max(80, Math.min(240, column.label().length() * 10 + 24)));
        }
        if (DocumentResults.holdsDocuments(columns)) {
            // kept, narrow, for Copy Cell and the fields later documents have beyond the columns of the first batch
            table.getColumn(columns.size()).setWidth(120);
            table.getColumn(columns.size()).setToolTipText("The whole document as relaxed extended JSON");
        }
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.MouseDown, event -> clickedColumn = columnAt(new Point(event.x, event.y)));
        table.addListener(SWT.KeyDown, event -> {
            if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == 'c' || event.keyCode == 'C')) {
                copy((event.stateMask & SWT.SHIFT) != 0, -1);
                event.doit = false;
            } else if (event.keyCode == SWT.END && !buffer.finished()) {
                // End on a result still on the server: a big step towards its end, not just the next page
                // (half the row buffer, so the rows on screen stay in it)
                buffer.demand(buffer.received() + buffer.capacity() / 2);
            }
        });
        createMenu();
        footer = new Label(this, SWT.NONE);
        footer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        refresh();
    }

    @Override
    public void refresh() {
        long received = buffer.received();
        if (received != shownRows) {
            shownRows = received;
            table.setItemCount((int) Math.min(received, Integer.MAX_VALUE - 1));
            fitRowNumbers(received);
        }
        footer.setText(status());
    }

    /** Widens the "#" column when the row numbers get a digit longer (1,000,000 did not fit the start width). */
    private void fitRowNumbers(long rows) {
        int digits = Long.toString(Math.max(rows, 1)).length();
        if (digits <= rowNumberDigits) {
            return;
        }
        rowNumberDigits = digits;
        GC gc = new GC(table);
        try {
            int needed = gc.textExtent("9".repeat(digits)).x + 24;
            TableColumn column = table.getColumn(0);
            if (needed > column.getWidth()) {
                column.setWidth(needed);
            }
        } finally {
            gc.dispose();
        }
    }

    /** The row count and timing, e.g. "3,503 rows · 120 ms" or "200 rows fetched, more as you scroll". */
    String status() {
        long received = buffer.received();
        if (buffer.finished()) {
            long millis = (buffer.finishedNanos() - startedNanos) / 1_000_000;
            return String.format("%,d rows%s", received, buffer.truncated() ? " (stopped before the end)" : "")
                    + String.format(" \u00b7 %,d ms", millis);
        }
        if (buffer.waitingForDemand()) {
            return String.format("%,d rows fetched, more as you scroll", received);
        }
        return String.format("%,d rows so far\u2026", received);
    }

    /** Puts the keyboard focus into the rows, on the first one when none is selected. */
    @Override
    public void focusRows() {
        table.setFocus();
        if (table.getSelectionCount() == 0 && table.getItemCount() > 0) {
            table.setSelection(0);
        }
    }

    @Override
    public RowBuffer buffer() {
        return buffer;
    }

    @Override
    public String statement() {
        return statement;
    }

    private void fill(TableItem item, int index) {
        item.setText(0, Integer.toString(index + 1));
        Object[] row = buffer.row(index);
        if (row == null) {
            item.setText(1, "\u2026 (scrolled out of the row buffer)");
            return;
        }
        for (int i = 0; i < row.length && i < columns.size(); i++) {
            item.setText(i + 1, CellText.display(row[i]));
            if (row[i] == null) {
                item.setForeground(i + 1, nullColor);
            }
        }
        buffer.demand(index);
    }

    private int columnAt(Point point) {
        TableItem item = table.getItem(point);
        if (item != null) {
            for (int i = 1; i < table.getColumnCount(); i++) {
                if (item.getBounds(i).contains(point)) {
                    return i - 1;
                }
            }
        }
        return -1;
    }

    private void createMenu() {
        Menu menu = new Menu(table);
        MenuItem rows = new MenuItem(menu, SWT.PUSH);
        rows.setText("Copy Rows as TSV\tCtrl+C");
        rows.addListener(SWT.Selection, event -> copy(false, -1));
        MenuItem withHeader = new MenuItem(menu, SWT.PUSH);
        withHeader.setText("Copy Rows with Header\tCtrl+Shift+C");
        withHeader.addListener(SWT.Selection, event -> copy(true, -1));
        MenuItem cell = new MenuItem(menu, SWT.PUSH);
        cell.setText("Copy Cell");
        cell.addListener(SWT.Selection, event -> copy(false, Math.max(clickedColumn, 0)));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem export = new MenuItem(menu, SWT.PUSH);
        export.setText("Export Result\u2026\tCtrl+Shift+X");
        export.addListener(SWT.Selection, event -> exportResult());
        table.setMenu(menu);
    }

    /** Through the command, so the menu, the key binding and the grid share one handler. */
    private void exportResult() {
        try {
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(EXPORT_COMMAND, null);
        } catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
            LOG.warn("Export Result could not run from the grid's menu", e);
        }
    }

    private void copy(boolean withHeader, int onlyColumn) {
        List<Object[]> rows = new ArrayList<>();
        for (int index : table.getSelectionIndices()) {
            Object[] row = buffer.row(index);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(getDisplay());
        try {
            clipboard.setContents(new Object[] { CellText.tsv(withHeader ? columns : null, rows, onlyColumn) },
                    new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }
}
